/**
 * The contact log: what a volunteer (or a coordinator for them) records after each contact. Dates,
 * kinds, minutes and, for a home visit, who went along by role; nothing written about the child.
 * "请学校联系我" asks the school to phone the volunteer, and waits in the console until a
 * coordinator marks it handled. Each write is one batch with its guarded audit row.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';
import type { Failure } from '#worker/platform/failures.ts';
import { pairingContacts, pairings, volunteers } from '#worker/platform/db/schema.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { pairingFailure as fail } from './failures';
import type { ContactInput } from './inputs';
import { CONTACT_LOG_MAX_AGE_DAYS } from './policies';

export type ContactResult = { ok: true; contactId: number } | Failure;
type Actor = { kind: 'coordinator' | 'volunteer'; id: number };

const DAY = 24 * 60 * 60 * 1000;

/** A volunteer logs contacts on an active pairing; a coordinator may also fill in a suspended or ended one's. */
const LOGGABLE = { volunteer: ['active'], coordinator: ['active', 'suspended', 'ended'] } as const;

/**
 * The contact's day must have happened, within the pairing's time (from its start to its end, if it
 * ended); a volunteer fills in at most CONTACT_LOG_MAX_AGE_DAYS back, the school any day of it.
 */
function dateProblem(on: string, pairing: { activatedAt: Date | null; endedAt: Date | null }, actor: Actor['kind'], now: Date): boolean {
  const today = beijingDay(now);
  const oldest = beijingDay(new Date(now.getTime() - CONTACT_LOG_MAX_AGE_DAYS * DAY));
  return (
    on > today ||
    (actor === 'volunteer' && on < oldest) ||
    (pairing.activatedAt !== null && on < beijingDay(pairing.activatedAt)) ||
    (pairing.endedAt !== null && on > beijingDay(pairing.endedAt))
  );
}

/** Logs one contact on a pairing. Another volunteer's pairing is "not found". */
export async function logContact(db: Db, actor: Actor, pairingId: number, input: ContactInput, now = new Date()): Promise<ContactResult> {
  const pairing = await db.select({ status: pairings.status, volunteerId: pairings.volunteerId, activatedAt: pairings.activatedAt, endedAt: pairings.endedAt }).from(pairings).where(eq(pairings.id, pairingId)).get();
  if (!pairing || (actor.kind === 'volunteer' && pairing.volunteerId !== actor.id)) return fail('pairing_not_found');
  const allowed: readonly string[] = LOGGABLE[actor.kind];
  if (!allowed.includes(pairing.status)) return fail('pairing_not_active');
  if (dateProblem(input.on, pairing, actor.kind, now)) return fail('contact_date', { fields: { on: fail('contact_date').message } });
  const statuses = sql.raw(allowed.map((s) => `'${s}'`).join(', '));
  try {
    const [inserted] = await db.batch([
      insertSelect(
        db,
        pairingContacts,
        { pairingId, on: input.on, kind: input.kind, minutes: input.minutes, escort: input.escort, callMe: input.callMe, recordedByKind: actor.kind, recordedById: actor.id, createdAt: now },
        // Still loggable when the write happens (a suspension a moment ago stops a volunteer's entry).
        sql`WHERE (SELECT status FROM pairings WHERE id = ${pairingId}${actor.kind === 'volunteer' ? sql` AND volunteer_id = ${actor.id}` : sql``}) IN (${statuses})`,
      ).returning({ id: pairingContacts.id }),
      guardedAudit(db, {
        actorKind: actor.kind,
        actorId: actor.id,
        action: 'contact.log',
        subjectKind: 'contact',
        subjectId: sql`last_insert_rowid()`,
        detail: { pairingId, kind: input.kind, minutes: input.minutes, ...(input.escort ? { escort: input.escort } : {}), ...(input.callMe ? { callMe: true } : {}) },
        at: now,
      }),
      // Logging a contact is activity: the retention period runs from here (after the guard, which reads changes()).
      ...(actor.kind === 'volunteer' ? [db.update(volunteers).set({ lastActiveAt: now }).where(eq(volunteers.id, actor.id))] : []),
    ]);
    return { ok: true, contactId: inserted[0]!.id };
  } catch (err) {
    if (lostRace(err)) return fail('pairing_not_active');
    throw err;
  }
}

/** A coordinator corrects a logged contact (the volunteer typed the wrong day or kind); audited with what changed. */
export async function correctContact(db: Db, coordinatorId: number, contactId: number, input: ContactInput, now = new Date()): Promise<ContactResult> {
  const row = await db
    .select({ on: pairingContacts.on, kind: pairingContacts.kind, minutes: pairingContacts.minutes, escort: pairingContacts.escort, callMe: pairingContacts.callMe, activatedAt: pairings.activatedAt, endedAt: pairings.endedAt })
    .from(pairingContacts)
    .innerJoin(pairings, eq(pairings.id, pairingContacts.pairingId))
    .where(eq(pairingContacts.id, contactId))
    .get();
  if (!row) return fail('contact_not_found');
  if (dateProblem(input.on, row, 'coordinator', now)) return fail('contact_date', { fields: { on: fail('contact_date').message } });
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['on', 'kind', 'minutes', 'escort'] as const) if (row[key] !== input[key]) changed[key] = { from: row[key], to: input[key] };
  if (Object.keys(changed).length === 0) return { ok: true, contactId };
  try {
    await db.batch([
      db
        .update(pairingContacts)
        .set({ on: input.on, kind: input.kind, minutes: input.minutes, escort: input.escort, correctedAt: now })
        .where(
          and(
            eq(pairingContacts.id, contactId),
            eq(pairingContacts.on, row.on),
            eq(pairingContacts.kind, row.kind),
            eq(pairingContacts.minutes, row.minutes),
            row.escort === null ? isNull(pairingContacts.escort) : eq(pairingContacts.escort, row.escort),
          ),
        ),
      guardedAudit(db, { actorKind: 'coordinator', actorId: coordinatorId, action: 'contact.correct', subjectKind: 'contact', subjectId: contactId, detail: { changed }, at: now }),
    ]);
  } catch (err) {
    if (lostRace(err)) return fail('conflict');
    throw err;
  }
  return { ok: true, contactId };
}

/** A coordinator has phoned the volunteer back: the "请学校联系我" flag leaves the queue. */
export async function handleCallRequest(db: Db, coordinatorId: number, contactId: number, now = new Date()): Promise<ContactResult> {
  try {
    await db.batch([
      db.update(pairingContacts).set({ callHandledAt: now }).where(and(eq(pairingContacts.id, contactId), eq(pairingContacts.callMe, true), isNull(pairingContacts.callHandledAt))),
      guardedAudit(db, { actorKind: 'coordinator', actorId: coordinatorId, action: 'contact.flag_handled', subjectKind: 'contact', subjectId: contactId, at: now }),
    ]);
  } catch (err) {
    if (lostRace(err)) return fail('contact_not_found', { message: '这条“请学校联系我”已经处理过了，或者不存在。' });
    throw err;
  }
  return { ok: true, contactId };
}
