/**
 * Claims: a volunteer–card match from 认领 to a gift confirmed at the school.
 * Every step is one D1 batch: a conditional write, its guarded audit row
 * (which rolls the batch back when the write lost a race), then the card's
 * matching change. Races are settled by the database: the partial unique index
 * lets one claim hold a card, and the claim's own INSERT counts the
 * volunteer's live claims against the cap inside the same transaction.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { uniqueFailed } from '#worker/platform/db/constraints.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';
import { claimOverdue } from './overdue';
import { auditLog, campaigns, cards, claims, volunteers } from '#worker/platform/db/schema.ts';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import { claimFailure } from './failures';
import { CLAIM_HOLDING_STATUSES, CLAIM_LIVE_STATUSES, type ActorKind, type AuditAction, type ClaimStatus } from '#worker/vocabulary.ts';

export type ClaimResult = { ok: true; claimId: number } | ReturnType<typeof claimFailure>;
const fail = claimFailure;

const live = sql.raw(CLAIM_LIVE_STATUSES.map((s) => `'${s}'`).join(', '));
const holding = sql.raw(CLAIM_HOLDING_STATUSES.map((s) => `'${s}'`).join(', '));

/** Claims an open card for a volunteer. Of any number of simultaneous claims on a card, one wins. */
export async function claimCard(db: Db, volunteerId: number, code: string, now = new Date()): Promise<ClaimResult> {
  const card = await db
    .select({ id: cards.id, status: cards.status, campaignStatus: campaigns.status, startsAt: campaigns.startsAt, claimDeadline: campaigns.claimDeadline, cap: campaigns.claimCap })
    .from(cards)
    .innerJoin(campaigns, eq(campaigns.id, cards.campaignId))
    .where(eq(cards.code, code))
    .get();
  if (!card || card.status !== 'open') return fail('card_unavailable');
  if (card.campaignStatus !== 'open' || now < card.startsAt || now > card.claimDeadline) return fail('claims_closed');
  const volunteer = await db.select({ status: volunteers.status, erasedAt: volunteers.erasedAt }).from(volunteers).where(eq(volunteers.id, volunteerId)).get();
  if (!volunteer || volunteer.erasedAt || volunteer.status === 'rejected') return fail('volunteer_rejected');

  try {
    await db.batch([
      // Inserted only while the card is open and the volunteer is under the cap, both checked inside this statement.
      insertSelect(
        db,
        claims,
        { cardId: card.id, volunteerId, status: 'pending', createdAt: now },
        sql`WHERE (SELECT status FROM cards WHERE id = ${card.id}) = 'open'
          AND (SELECT cp.status FROM campaigns cp JOIN cards c ON c.campaign_id = cp.id WHERE c.id = ${card.id}) = 'open'
          AND (SELECT count(*) FROM claims WHERE volunteer_id = ${volunteerId} AND status IN (${live})) < ${card.cap}`,
      ),
      guardedAudit(db, {
        actorKind: 'volunteer',
        actorId: volunteerId,
        action: 'claim.create',
        subjectKind: 'claim',
        subjectId: sql`(SELECT id FROM claims WHERE card_id = ${card.id} AND status IN (${holding}))`,
        detail: { code },
        at: now,
      }),
      db.update(cards).set({ status: 'claimed', updatedAt: now }).where(and(eq(cards.id, card.id), eq(cards.status, 'open'))),
    ]);
  } catch (err) {
    if (uniqueFailed(err, claims.cardId)) return fail('card_unavailable');
    if (!lostRace(err)) throw err;
    const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)` }).from(claims).where(and(eq(claims.volunteerId, volunteerId), inArray(claims.status, [...CLAIM_LIVE_STATUSES])));
    return fail(n >= card.cap ? 'claim_limit' : 'card_unavailable');
  }
  const claim = await db.select({ id: claims.id }).from(claims).where(and(eq(claims.cardId, card.id), inArray(claims.status, [...CLAIM_HOLDING_STATUSES]))).get();
  return { ok: true, claimId: claim!.id };
}

interface Step {
  from: readonly ClaimStatus[];
  to: 'approved' | 'delivered' | 'received' | 'rejected' | 'cancelled';
  action: Extract<AuditAction, `claim.${string}`>;
  /** What the card becomes when this step ends or completes the claim. */
  card?: 'open' | 'fulfilled';
}

const STEPS = {
  approve: { from: ['pending'], to: 'approved', action: 'claim.approve' },
  reject: { from: ['pending'], to: 'rejected', action: 'claim.reject', card: 'open' },
  cancel: { from: ['pending', 'approved'], to: 'cancelled', action: 'claim.cancel', card: 'open' },
  deliver: { from: ['approved'], to: 'delivered', action: 'claim.deliver' },
  // At the school gate a coordinator may confirm a gift whose volunteer never pressed "delivered".
  receive: { from: ['approved', 'delivered'], to: 'received', action: 'claim.receive', card: 'fulfilled' },
} as const satisfies Record<string, Step>;
export type ClaimStep = keyof typeof STEPS;

/** Whether a claim in this state can take this step (pages offer only the steps that can succeed). */
export const canTakeStep = (status: ClaimStatus, step: ClaimStep) => (STEPS[step].from as readonly string[]).includes(status);

/** A gift label can be printed once the school has approved the claim, until the school confirms receipt. */
export const labelPrintable = (status: ClaimStatus) => canTakeStep(status, 'receive');

/**
 * Moves a claim one step. A volunteer `actor` may take only their own
 * claim (cancel, deliver); approval also needs the volunteer to be approved.
 */
export async function moveClaim(
  db: Db,
  claimId: number,
  stepName: ClaimStep,
  actor: { kind: Extract<ActorKind, 'coordinator' | 'volunteer'>; id: number },
  options: { reason?: string; now?: Date } = {},
): Promise<ClaimResult> {
  const step: Step = STEPS[stepName];
  const now = options.now ?? new Date();
  const current = await db.select({ id: claims.id, status: claims.status, cardId: claims.cardId, volunteerId: claims.volunteerId }).from(claims).where(eq(claims.id, claimId)).get();
  if (!current || (actor.kind === 'volunteer' && current.volunteerId !== actor.id)) return fail('claim_not_found');
  if (stepName === 'approve') {
    const v = await db.select({ status: volunteers.status }).from(volunteers).where(eq(volunteers.id, current.volunteerId)).get();
    if (v?.status !== 'approved') return fail('volunteer_not_approved');
  }
  const stamp = { approved: { approvedAt: now }, delivered: { deliveredAt: now }, received: { receivedAt: now, endedAt: now }, rejected: { endedAt: now }, cancelled: { endedAt: now } }[step.to];
  try {
    await db.batch([
      db
        .update(claims)
        .set({
          status: step.to,
          ...stamp,
          ...(actor.kind === 'coordinator' ? { decidedBy: actor.id } : {}),
          ...(step.to === 'rejected' ? { rejectReason: options.reason ?? null } : {}),
        })
        .where(
          and(
            eq(claims.id, claimId),
            inArray(claims.status, [...step.from]),
            ...(actor.kind === 'volunteer' ? [eq(claims.volunteerId, actor.id)] : []),
            // Only an approved volunteer's claim can be approved: checked again inside the write.
            ...(stepName === 'approve' ? [sql`(SELECT status FROM volunteers WHERE id = ${claims.volunteerId}) = 'approved'`] : []),
          ),
        ),
      guardedAudit(db, { actorKind: actor.kind, actorId: actor.id, action: step.action, subjectKind: 'claim', subjectId: claimId, detail: { status: { from: current.status, to: step.to } }, at: now }),
      ...(step.card ? [db.update(cards).set({ status: step.card, updatedAt: now }).where(and(eq(cards.id, current.cardId), eq(cards.status, 'claimed')))] : []),
    ]);
  } catch (err) {
    if (lostRace(err)) return fail('conflict');
    throw err;
  }
  return { ok: true, claimId };
}

/**
 * The scheduled job: claims left unapproved or undelivered past the campaign's
 * limits, or undelivered past the drop-off deadline, expire; their cards go back
 * on the wall. One batch, with one audit row counting them.
 */
export async function expireClaims(db: Db, now = new Date()): Promise<void> {
  await db.batch([
    db
      .update(claims)
      .set({ status: 'expired', endedAt: now })
      .where(
        sql`${claims.id} IN (
          SELECT claims.id FROM claims JOIN cards ON cards.id = claims.card_id JOIN campaigns ON campaigns.id = cards.campaign_id
          WHERE ${claimOverdue(now)})`,
      ),
    insertSelect(
      db,
      auditLog,
      { at: now, actorKind: 'system', actorId: null, action: 'claim.expire', subjectKind: 'claim', subjectId: null, detail: sql`json_object('count', changes())` },
      sql`WHERE changes() > 0`,
    ),
    // Every card whose holding claim has ended is back on the wall.
    db
      .update(cards)
      .set({ status: 'open', updatedAt: now })
      .where(and(eq(cards.status, 'claimed'), sql`NOT EXISTS (SELECT 1 FROM claims WHERE card_id = ${cards.id} AND status IN (${holding}))`)),
  ]);
}
