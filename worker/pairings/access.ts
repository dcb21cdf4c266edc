/** Who may act on a pairing from the volunteer's side: an approved volunteer, on their own pairing. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { pairings, volunteers } from '#worker/platform/db/schema.ts';

/** Whether this volunteer is approved (and not erased): only they may offer, log or withdraw. */
export async function volunteerMayPair(db: Db, volunteerId: number): Promise<boolean> {
  const row = await db.select({ status: volunteers.status, erasedAt: volunteers.erasedAt }).from(volunteers).where(eq(volunteers.id, volunteerId)).get();
  return row?.status === 'approved' && row.erasedAt === null;
}

/** Whether the pairing is this volunteer's own (another's is answered as not found). */
export async function ownsPairing(db: Db, volunteerId: number, pairingId: number): Promise<boolean> {
  return (await db.select({ id: pairings.id }).from(pairings).where(and(eq(pairings.id, pairingId), eq(pairings.volunteerId, volunteerId))).get()) !== undefined;
}
