/** Who may act on a pairing from the volunteer's side: an approved volunteer, on their own pairing. */
import { and, eq, inArray } from 'drizzle-orm';
import { PAIRING_HOLDING_STATUSES, PAIRING_KINDS, PAIRING_OPEN_STATUSES, type PairingKind } from '#worker/vocabulary.ts';
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

export interface OfferState {
  /** Approved and chose pairing at sign-up. */
  mayOffer: boolean;
  /** The kinds they may still offer (no open offer or holding pairing of that kind). */
  kinds: PairingKind[];
}

/** What the volunteer's page offers: the offer form, and for which kinds. */
export async function offerState(db: Db, volunteerId: number): Promise<OfferState> {
  const row = await db.select({ status: volunteers.status, erasedAt: volunteers.erasedAt, helpTypes: volunteers.helpTypes }).from(volunteers).where(eq(volunteers.id, volunteerId)).get();
  const mayOffer = row?.status === 'approved' && row.erasedAt === null && (JSON.parse(row.helpTypes) as string[]).includes('pairing');
  if (!mayOffer) return { mayOffer: false, kinds: [] };
  const taken = await db
    .select({ kind: pairings.kind })
    .from(pairings)
    .where(and(eq(pairings.volunteerId, volunteerId), inArray(pairings.status, [...PAIRING_OPEN_STATUSES, ...PAIRING_HOLDING_STATUSES])));
  return { mayOffer, kinds: PAIRING_KINDS.filter((k) => !taken.some((t) => t.kind === k)) };
}
