/**
 * A pairing's life: offered (by an approved volunteer who chose pairing) → proposed (a coordinator
 * matches a child) → active (once the guardian's consent and the record check are on record) →
 * ended with a reason; a coordinator can suspend an active pairing at once and resume it. Every
 * step is one D1 batch: a conditional write and its guarded audit row, which rolls the batch back
 * when the write changed nothing. Races are settled by the database: a partial unique index lets
 * one pairing hold a child for its kind, another lets a volunteer hold one open offer per kind, and
 * the activation counts the volunteer's pairings against the school's cap inside its own UPDATE.
 */
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Failure } from '#worker/platform/failures.ts';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { checkFailed, uniqueFailed } from '#worker/platform/db/constraints.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';
import { pairings, volunteers } from '#worker/platform/db/schema.ts';
import { PAIRING_HOLDING_STATUSES, PAIRING_OPEN_STATUSES, type AuditAction, type PairingEndReason, type PairingStatus } from '#worker/vocabulary.ts';
import { pairingFailure } from './failures';
import type { PairingOffer, Safeguards } from './inputs';
import { PAIRING_CONDUCT_VERSION } from './policies';

export type PairingResult = { ok: true; pairingId: number } | Failure;
const fail = pairingFailure;

const list = (values: readonly string[]) => sql.raw(values.map((s) => `'${s}'`).join(', '));
/**
 * The pairing row's own column, named with its table: inside a subquery over `pairings p`, drizzle's
 * bare "volunteer_id" would mean p's, and the count would cover every pairing in the school.
 */
const own = (column: { name: string }) => sql.raw(`"pairings"."${column.name}"`);
const heldBy = sql`(SELECT count(*) FROM pairings p WHERE p.volunteer_id = ${own(pairings.volunteerId)} AND p.status IN (${list(PAIRING_HOLDING_STATUSES)}))`;
const capOf = sql`(SELECT s.pairing_cap FROM schools s JOIN pairing_children c ON c.school_id = s.id WHERE c.id = ${own(pairings.childId)})`;
const approvedVolunteer = (volunteerId: SQLWrapper | number) => sql`(SELECT status FROM volunteers WHERE id = ${volunteerId} AND erased_at IS NULL) = 'approved'`;

/** An approved volunteer who chose pairing at sign-up offers to pair, with their preferences. */
export async function offerPairing(db: Db, volunteerId: number, offer: PairingOffer, now = new Date()): Promise<PairingResult> {
  const volunteer = await db.select({ status: volunteers.status, erasedAt: volunteers.erasedAt, helpTypes: volunteers.helpTypes }).from(volunteers).where(eq(volunteers.id, volunteerId)).get();
  if (!volunteer || volunteer.erasedAt || volunteer.status !== 'approved') return fail('volunteer_not_approved');
  if (!(JSON.parse(volunteer.helpTypes) as string[]).includes('pairing')) return fail('not_offering_pairing');
  try {
    await db.batch([
      insertSelect(
        db,
        pairings,
        {
          volunteerId,
          kind: offer.kind,
          status: 'offered',
          preferredGradeBand: offer.preferredGradeBand,
          frequency: offer.frequency,
          agreedConductVersion: PAIRING_CONDUCT_VERSION,
          offeredAt: now,
          updatedAt: now,
        },
        sql`WHERE ${approvedVolunteer(volunteerId)}`,
      ),
      guardedAudit(db, {
        actorKind: 'volunteer',
        actorId: volunteerId,
        action: 'pairing.offer',
        subjectKind: 'pairing',
        subjectId: sql`last_insert_rowid()`,
        detail: { kind: offer.kind, frequency: offer.frequency, preferredGradeBand: offer.preferredGradeBand },
        at: now,
      }),
    ]);
  } catch (err) {
    if (uniqueFailed(err, pairings.volunteerId, pairings.kind)) return fail('offer_exists');
    if (lostRace(err)) return fail('volunteer_not_approved');
    throw err;
  }
  const row = await db
    .select({ id: pairings.id })
    .from(pairings)
    .where(and(eq(pairings.volunteerId, volunteerId), eq(pairings.kind, offer.kind), inArray(pairings.status, [...PAIRING_OPEN_STATUSES])))
    .get();
  return { ok: true, pairingId: row!.id };
}

type Actor = { kind: 'coordinator' | 'volunteer'; id: number };

interface Step {
  from: readonly PairingStatus[];
  to: PairingStatus;
  action: Extract<AuditAction, `pairing.${string}`>;
  /** Whether a volunteer may take this step on their own pairing. */
  volunteer?: true;
}

const STEPS = {
  withdraw: { from: ['offered', 'proposed'], to: 'withdrawn', action: 'pairing.withdraw', volunteer: true },
  activate: { from: ['proposed'], to: 'active', action: 'pairing.activate' },
  suspend: { from: ['active'], to: 'suspended', action: 'pairing.suspend' },
  resume: { from: ['suspended'], to: 'active', action: 'pairing.resume' },
  end: { from: ['proposed', 'active', 'suspended'], to: 'ended', action: 'pairing.end' },
} as const satisfies Record<string, Step>;
export type PairingStep = keyof typeof STEPS;

/** Whether a pairing in this state can take this step (pages offer only the steps that can succeed). */
export const canTakePairingStep = (status: PairingStatus, step: PairingStep) => (STEPS[step].from as readonly string[]).includes(status);

/** The pairing as a step needs it; another volunteer's pairing is not found. */
async function current(db: Db, pairingId: number, actor: Actor) {
  const row = await db
    .select({ id: pairings.id, status: pairings.status, volunteerId: pairings.volunteerId })
    .from(pairings)
    .where(eq(pairings.id, pairingId))
    .get();
  return row && (actor.kind === 'coordinator' || row.volunteerId === actor.id) ? row : null;
}

/** The database's refusal of an activation, told in words: the first reason that holds. */
async function whyNotActive(db: Db, pairingId: number): Promise<Failure> {
  const row = await db
    .select({
      status: pairings.status,
      consentOn: pairings.consentOn,
      recordCheckedOn: pairings.recordCheckedOn,
      approved: sql<number>`${approvedVolunteer(own(pairings.volunteerId))}`,
      held: sql<number>`${heldBy}`,
      cap: sql<number>`${capOf}`,
    })
    .from(pairings)
    .where(eq(pairings.id, pairingId))
    .get();
  if (!row || row.status !== 'proposed') return fail('conflict');
  const missing: Record<string, string> = {};
  if (!row.consentOn) missing.consentOn = '还没有记下监护人同意结对的日期和方式';
  if (!row.recordCheckedOn) missing.recordCheckedOn = '还没有记下志愿者的记录查询';
  if (Object.keys(missing).length) return fail('safeguards_missing', { fields: missing });
  if (!row.approved) return fail('volunteer_not_vetted');
  if (row.held >= row.cap) return fail('volunteer_cap');
  return fail('conflict');
}

/**
 * Moves a pairing one step. A volunteer may only withdraw their own offer; the rest is the
 * coordinator's. Activation and resumption check, inside the UPDATE, that the volunteer is still
 * approved and (activation) under the school's cap; the schema's CHECK insists on the safeguards.
 */
export async function movePairing(db: Db, pairingId: number, stepName: PairingStep, actor: Actor, options: { reason?: PairingEndReason; now?: Date } = {}): Promise<PairingResult> {
  const step: Step = STEPS[stepName];
  const now = options.now ?? new Date();
  const row = await current(db, pairingId, actor);
  if (!row || (actor.kind === 'volunteer' && !step.volunteer)) return fail('pairing_not_found');
  const starting = stepName === 'activate' || stepName === 'resume';
  const guards: SQL[] = [];
  if (starting) guards.push(approvedVolunteer(own(pairings.volunteerId)));
  if (stepName === 'activate') {
    guards.push(sql`${heldBy} < ${capOf}`);
  }
  const stamps = {
    withdrawn: { endedAt: now },
    active: stepName === 'activate' ? { activatedAt: now } : { suspendedAt: null },
    suspended: { suspendedAt: now },
    ended: { endedAt: now, endReason: options.reason ?? 'term_over' },
  } as Partial<Record<PairingStatus, Partial<typeof pairings.$inferInsert>>>;
  try {
    await db.batch([
      db
        .update(pairings)
        .set({ status: step.to, updatedAt: now, ...stamps[step.to] })
        .where(
          and(
            eq(pairings.id, pairingId),
            inArray(pairings.status, [...step.from]),
            ...(actor.kind === 'volunteer' ? [eq(pairings.volunteerId, actor.id)] : []),
            ...guards,
          ),
        ),
      guardedAudit(db, {
        actorKind: actor.kind,
        actorId: actor.id,
        action: step.action,
        subjectKind: 'pairing',
        subjectId: pairingId,
        detail: { status: { from: row.status, to: step.to }, ...(step.to === 'ended' ? { reason: options.reason ?? 'term_over' } : {}) },
        at: now,
      }),
    ]);
  } catch (err) {
    if (uniqueFailed(err, pairings.childId, pairings.kind)) return fail('child_paired');
    if (checkFailed(err, 'pairings_safeguards_before_active')) return whyNotActive(db, pairingId);
    if (!lostRace(err)) throw err;
    if (stepName === 'activate') return whyNotActive(db, pairingId);
    if (stepName === 'resume' && (await current(db, pairingId, actor))?.status === 'suspended') {
      return fail('volunteer_not_vetted');
    }
    return fail('conflict');
  }
  return { ok: true, pairingId };
}

/** A coordinator matches an offer to a child (who has no active pairing of this kind yet, as far as can be seen now). */
export async function proposePairing(db: Db, pairingId: number, childId: number, coordinatorId: number, now = new Date()): Promise<PairingResult> {
  const row = await current(db, pairingId, { kind: 'coordinator', id: coordinatorId });
  if (!row) return fail('pairing_not_found');
  const child = await db.get<{ anonymised_at: number | null }>(sql`SELECT anonymised_at FROM pairing_children WHERE id = ${childId}`);
  if (!child) return fail('child_not_found');
  if (child.anonymised_at !== null) return fail('child_anonymised');
  try {
    await db.batch([
      db
        .update(pairings)
        .set({ status: 'proposed', childId, proposedAt: now, proposedBy: coordinatorId, updatedAt: now })
        .where(and(eq(pairings.id, pairingId), eq(pairings.status, 'offered'), sql`(SELECT anonymised_at FROM pairing_children WHERE id = ${childId}) IS NULL`)),
      guardedAudit(db, {
        actorKind: 'coordinator',
        actorId: coordinatorId,
        action: 'pairing.propose',
        subjectKind: 'pairing',
        subjectId: pairingId,
        detail: { status: { from: row.status, to: 'proposed' }, childId },
        at: now,
      }),
    ]);
  } catch (err) {
    if (lostRace(err)) return fail('conflict');
    throw err;
  }
  return { ok: true, pairingId };
}

/** Records the guardian's consent and the record check on a proposed pairing (dates and who; no document). */
export async function recordSafeguards(db: Db, pairingId: number, safeguards: Safeguards, coordinatorId: number, now = new Date()): Promise<PairingResult> {
  const row = await current(db, pairingId, { kind: 'coordinator', id: coordinatorId });
  if (!row) return fail('pairing_not_found');
  try {
    await db.batch([
      db
        .update(pairings)
        .set({ ...safeguards, recordCheckedBy: coordinatorId, updatedAt: now })
        .where(and(eq(pairings.id, pairingId), eq(pairings.status, 'proposed'))),
      guardedAudit(db, {
        actorKind: 'coordinator',
        actorId: coordinatorId,
        action: 'pairing.safeguards',
        subjectKind: 'pairing',
        subjectId: pairingId,
        detail: { consentOn: safeguards.consentOn, consentMethod: safeguards.consentMethod, recordCheckedOn: safeguards.recordCheckedOn },
        at: now,
      }),
    ]);
  } catch (err) {
    if (lostRace(err)) return fail('conflict');
    throw err;
  }
  return { ok: true, pairingId };
}
