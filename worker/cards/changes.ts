/**
 * A coordinator's changes to wish cards: create, edit, review, publish, mark a
 * privacy finding as not personal, withdraw; and the hourly re-check. Each is one D1 batch: a conditional write, its guarded audit row
 * (which rolls the batch back if the write lost a race), then the rest.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { archivedRefused, uniqueFailed } from '#worker/platform/db/constraints.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';
import { campaigns, cardPrivacyDismissals, cardPrivate, cards } from '#worker/platform/db/schema.ts';
import type { CardFields } from './inputs';
import { CARD_PUBLIC_TEXT_FIELDS, type CardStatus } from '#worker/vocabulary.ts';
import type { DismissFindingInput } from './inputs';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import { newCardCode } from './code';
import { cardFailure, type CardFailure } from './failures';
import { cardPrivacy, publishBlockers, type PublishBlocker } from './privacy';
import { getConsoleCard, privacyContext, type ConsoleCard } from './console';
import { campaignForNewCards } from '#worker/campaigns/current.ts';
import { checkCardPrivacy, openFindings, type PrivacyFinding } from '#worker/privacy/index.ts';

export type CardChange = { ok: true; card: ConsoleCard; findings: PrivacyFinding[] } | CardFailure;

/** The unique index refused a second card for the same child in one campaign. */
function duplicateHandout(err: unknown, handoutRef: string): CardChange | null {
  if (!uniqueFailed(err, cardPrivate.campaignId, cardPrivate.handoutRef)) return null;
  const message = `本次活动里已经有登记编号为“${handoutRef}”的心愿卡，一个孩子只建一张卡`;
  return cardFailure('duplicate_handout', { message, fields: { handoutRef: message } });
}

/** Every blocker by field; two on one field are said together. */
function blockerFields(blockers: PublishBlocker[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const b of blockers) fields[b.field] = fields[b.field] ? `${fields[b.field]}；${b.message}` : b.message;
  return fields;
}

const blocked = (key: 'review_real_name' | 'review_findings' | 'publish_blocked' | 'not_publishable', blockers: PublishBlocker[], message?: string): CardFailure => ({
  ...cardFailure(key, { fields: blockerFields(blockers), ...(message ? { message } : {}) }),
  blockers,
});

const PUBLIC_FIELDS = ['alias', 'age', 'gradeBand', 'category', ...CARD_PUBLIC_TEXT_FIELDS] as const;
const PRIVATE_FIELDS = ['handoutRef', 'consentOn', 'consentMethod', 'notes'] as const;

/** A card's public face and its coordinator-only record, as the form or API gave them. */
const publicFace = (f: CardFields) => ({ alias: f.alias, age: f.age, gradeBand: f.gradeBand, category: f.category, wish: f.wish, sizeNote: f.sizeNote });
const privateRecord = (f: CardFields) => ({ handoutRef: f.handoutRef, consentOn: f.consentOn, consentMethod: f.consentMethod, notes: f.notes ?? '' });

const cardIdByCode = (code: string) => sql`(SELECT id FROM cards WHERE code = ${code})`;

async function done(db: Db, code: string): Promise<CardChange> {
  const card = await getConsoleCard(db, code);
  if (!card) return cardFailure('card_not_found');
  return { ok: true, card, findings: (await cardPrivacy(db, card)).open };
}

async function settle(db: Db, code: string, write: () => Promise<unknown>, handoutRef = ''): Promise<CardChange> {
  try {
    await write();
  } catch (err) {
    // Last winter's cards are read-only: the database refuses, the coordinator is told why.
    if (archivedRefused(err)) return cardFailure('archived');
    if (lostRace(err)) return cardFailure('conflict');
    const duplicate = duplicateHandout(err, handoutRef);
    if (duplicate) return duplicate;
    throw err;
  }
  return done(db, code);
}

/** Creates a draft card for a campaign. The privacy findings come back with it; they block publishing, not saving. */
/** A new draft card in the current campaign (the operation both doors run). */
export async function createDraftCard(db: Db, fields: CardFields, actorId: number, now = new Date()): Promise<CardChange> {
  const campaign = await campaignForNewCards(db);
  if (!campaign) return cardFailure('no_campaign');
  return createCard(db, campaign.id, fields, actorId, now);
}

export async function createCard(db: Db, campaignId: number, fields: CardFields, actorId: number, now = new Date()): Promise<CardChange> {
  for (let attempt = 0; ; attempt++) {
    const code = newCardCode();
    try {
      await db.batch([
        db.insert(cards).values({
          campaignId,
          code,
          ...publicFace(fields),
          status: 'draft',
          createdAt: now,
          updatedAt: now,
        }),
        guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'card.create', subjectKind: 'card', subjectId: cardIdByCode(code), detail: { code }, at: now }),
        db.insert(cardPrivate).values({
          cardId: cardIdByCode(code),
          campaignId,
          ...privateRecord(fields),
        }),
      ]);
      return done(db, code);
    } catch (err) {
      const duplicate = duplicateHandout(err, fields.handoutRef);
      if (duplicate) return duplicate;
      // A code already taken: the unique index refused it, nothing was written; draw another.
      if (!uniqueFailed(err, cards.code) || attempt >= 4) throw err;
    }
  }
}

/** Whether a card waits for its wording review: a draft nobody has reviewed since its words last changed. */
export const awaitsReview = (card: { status: CardStatus; reviewedAt: Date | null }) => card.status === 'draft' && !card.reviewedAt;

/** Whether a card can be published (once its blockers are dealt with): drafts only. */
export const canPublish = (status: CardStatus) => status === 'draft';

/** Whether a card's public face may still change: once claimed, fulfilled or withdrawn, only the coordinator-only record can. */
export const publicFaceEditable = (status: CardStatus) => status === 'draft' || status === 'open';

/**
 * Edits a card. Changing the public wording of a reviewed card clears the review
 * (and takes an open card back to draft) so nothing unreviewed reaches the wall.
 * Once claimed, fulfilled or withdrawn, only the coordinator-only record may change.
 */
export async function updateCard(db: Db, code: string, fields: CardFields, actorId: number, now = new Date()): Promise<CardChange> {
  const current = await getConsoleCard(db, code);
  if (!current) return cardFailure('card_not_found');
  const changed = [...PUBLIC_FIELDS, ...PRIVATE_FIELDS].filter((f) => (current[f] ?? null) !== (fields[f] ?? (f === 'notes' ? '' : null)));
  const publicChanged = changed.filter((f) => (PUBLIC_FIELDS as readonly string[]).includes(f));
  const rewritten = CARD_PUBLIC_TEXT_FIELDS.filter((f) => changed.includes(f));
  const wordingChanged = rewritten.length > 0;
  if (publicChanged.length && !publicFaceEditable(current.status)) {
    return cardFailure('not_editable');
  }
  if (!changed.length) return done(db, code);
  const backToDraft = wordingChanged && current.status === 'open';
  return settle(db, code, () =>
    db.batch([
      db
        .update(cards)
        .set({
          ...publicFace(fields),
          updatedAt: now,
          ...(wordingChanged ? { reviewedAt: null, reviewedBy: null } : {}),
          ...(backToDraft ? { status: 'draft', publishedAt: null } : {}),
        })
        // Only if nobody changed it since it was read.
        .where(and(eq(cards.id, current.id), eq(cards.status, current.status), eq(cards.updatedAt, current.updatedAt))),
      guardedAudit(db, {
        actorKind: 'coordinator',
        actorId,
        action: 'card.edit',
        subjectKind: 'card',
        subjectId: current.id,
        detail: { code: current.code, changed, ...(backToDraft ? { status: { from: 'open', to: 'draft' } } : {}), ...(wordingChanged ? { reviewCleared: true } : {}) },
        at: now,
      }),
      db
        .update(cardPrivate)
        // Rewording answers the review queue's "需要修改": the card goes back into the queue (a note alone does not).
        .set({ ...privateRecord(fields), ...(publicChanged.length ? { changesAsked: null } : {}) })
        .where(eq(cardPrivate.cardId, current.id)),
      // A "不是个人信息" was judged on the old words: rewritten words are judged afresh.
      db
        .delete(cardPrivacyDismissals)
        .where(and(eq(cardPrivacyDismissals.cardId, current.id), inArray(cardPrivacyDismissals.field, rewritten))),
    ]),
    fields.handoutRef,
  );
}

/**
 * A coordinator confirms they have read the child's wording, once the privacy
 * gate has nothing open. The real names they may type are checked against the
 * words and forgotten: a match refuses the review, and nothing of the names is
 * written, returned or audited.
 */
export async function reviewCard(db: Db, code: string, actorId: number, realNames = '', now = new Date()): Promise<CardChange> {
  const current = await getConsoleCard(db, code);
  if (!current) return cardFailure('card_not_found');
  if (!awaitsReview(current)) return cardFailure('not_reviewable');
  // The review says "I read these words and they are fit for the wall": not while the gate still objects.
  const { open } = await cardPrivacy(db, current, realNames);
  if (open.length) {
    const blockers = open.map((f) => ({ field: f.field, message: f.message, kind: f.kind }));
    if (open.some((f) => f.kind === 'real_name')) return blocked('review_real_name', blockers);
    return blocked('review_findings', blockers, `隐私检查还有 ${open.length} 处没处理：请先改写，或确认不是个人信息并写明原因，再审核`);
  }
  return settle(db, code, () =>
    db.batch([
      db
        .update(cards)
        .set({ reviewedAt: now, reviewedBy: actorId, updatedAt: now })
        .where(and(eq(cards.id, current.id), eq(cards.status, 'draft'), isNull(cards.reviewedAt), eq(cards.updatedAt, current.updatedAt))),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'card.review', subjectKind: 'card', subjectId: current.id, detail: { code: current.code }, at: now }),
    ]),
  );
}

/** Puts a draft on the wall: only once reviewed, with the guardian's consent recorded and no open privacy finding. Every blocker is told at once. */
export async function publishCard(db: Db, code: string, actorId: number, now = new Date()): Promise<CardChange> {
  const current = await getConsoleCard(db, code);
  if (!current) return cardFailure('card_not_found');
  // Only onto a wall that can take its claim: a prepared campaign's or the open one's.
  const campaign = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, current.campaignId)).get();
  if (campaign?.status === 'archived') return cardFailure('archived');
  if (campaign?.status === 'closed') return cardFailure('campaign_closed');
  const blockers = publishBlockers(current, (await cardPrivacy(db, current)).open);
  if (blockers.length) {
    if (!canPublish(current.status)) return blocked('not_publishable', blockers);
    return blocked('publish_blocked', blockers, `还不能发布，先处理这 ${blockers.length} 件事：${blockers.map((b) => b.message).join('；')}`);
  }
  return settle(db, code, () =>
    db.batch([
      db
        .update(cards)
        .set({ status: 'open', publishedAt: now, updatedAt: now })
        .where(
          and(
            eq(cards.id, current.id),
            eq(cards.status, 'draft'),
            isNotNull(cards.reviewedAt),
            // The words checked above are the words published: an edit in between loses the race.
            eq(cards.updatedAt, current.updatedAt),
            sql`EXISTS (SELECT 1 FROM card_private WHERE card_id = ${current.id} AND consent_on IS NOT NULL)`,
            sql`EXISTS (SELECT 1 FROM campaigns WHERE id = ${current.campaignId} AND status IN ('prepared', 'open'))`,
          ),
        ),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'card.publish', subjectKind: 'card', subjectId: current.id, detail: { code: current.code, status: { from: 'draft', to: 'open' } }, at: now }),
    ]),
  );
}

/**
 * Marks one privacy finding on a draft "不是个人信息" (a book's author, a hero),
 * with the reason; audited. Only a finding the gate still reports on the words
 * as they are can be marked, and an edit in between loses the race.
 */
export async function dismissFinding(db: Db, code: string, input: DismissFindingInput, actorId: number, now = new Date()): Promise<CardChange> {
  const current = await getConsoleCard(db, code);
  if (!current) return cardFailure('card_not_found');
  if (current.status !== 'draft') return cardFailure('dismiss_not_draft');
  if (input.field === 'alias' && ['full_name', 'parent_name', 'surname'].includes(input.kind)) {
    return cardFailure('dismiss_real_name');
  }
  const { open } = await cardPrivacy(db, current);
  if (!open.some((f) => f.field === input.field && f.kind === input.kind && f.found === input.found)) {
    return cardFailure('dismiss_gone');
  }
  return settle(db, code, () =>
    db.batch([
      insertSelect(
        db,
        cardPrivacyDismissals,
        { cardId: current.id, field: input.field, kind: input.kind, found: input.found, reason: input.reason, decidedBy: actorId, decidedAt: now },
        sql`WHERE EXISTS (SELECT 1 FROM cards WHERE id = ${current.id} AND status = 'draft' AND updated_at = ${current.updatedAt.getTime()})`,
      ).onConflictDoNothing(),
      guardedAudit(db, {
        actorKind: 'coordinator',
        actorId,
        action: 'card.privacy_dismiss',
        subjectKind: 'card',
        subjectId: current.id,
        detail: { code: current.code, field: input.field, kind: input.kind, reason: input.reason },
        at: now,
      }),
    ]),
  );
}

/** Whether a card in this state can be taken down: a claimed card's claim must end first. */
export const canWithdraw = (status: CardStatus) => status === 'draft' || status === 'open';

/** Takes a draft or open card down, with the reason. A claimed card's claim must end first. */
export async function withdrawCard(db: Db, code: string, reason: string, actorId: number, now = new Date()): Promise<CardChange> {
  const current = await getConsoleCard(db, code);
  if (!current) return cardFailure('card_not_found');
  if (!canWithdraw(current.status)) {
    return cardFailure(current.status === 'claimed' ? 'withdraw_claimed' : 'withdraw_ended');
  }
  return settle(db, code, () =>
    db.batch([
      db
        .update(cards)
        .set({ status: 'withdrawn', withdrawnReason: reason, updatedAt: now })
        .where(and(eq(cards.id, current.id), inArray(cards.status, ['draft', 'open']))),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'card.withdraw', subjectKind: 'card', subjectId: current.id, detail: { code: current.code, status: { from: current.status, to: 'withdrawn' } }, at: now }),
    ]),
  );
}

/**
 * Takes open cards whose public words the gate now objects to back to draft,
 * each with a system audit row: cards published before the gate learned
 * something (a new village, a better name finder) do not stay on the wall.
 * Run by the hourly job and after the village list changes. Returns the codes.
 */
export async function recheckOpenCards(db: Db, now = new Date()): Promise<string[]> {
  const [rows, dismissals, ctx] = await Promise.all([
    db
      .select({ id: cards.id, code: cards.code, alias: cards.alias, wish: cards.wish, sizeNote: cards.sizeNote, updatedAt: cards.updatedAt })
      .from(cards)
      .where(eq(cards.status, 'open')),
    db
      .select({ cardId: cardPrivacyDismissals.cardId, field: cardPrivacyDismissals.field, kind: cardPrivacyDismissals.kind, found: cardPrivacyDismissals.found })
      .from(cardPrivacyDismissals)
      .innerJoin(cards, and(eq(cards.id, cardPrivacyDismissals.cardId), eq(cards.status, 'open'))),
    privacyContext(db),
  ]);
  const flagged = rows.filter((c) => openFindings(checkCardPrivacy(c, ctx), dismissals.filter((d) => d.cardId === c.id)).length > 0);
  const unpublished: string[] = [];
  for (const card of flagged) {
    try {
      await db.batch([
        db
          .update(cards)
          .set({ status: 'draft', reviewedAt: null, reviewedBy: null, publishedAt: null, updatedAt: now })
          .where(and(eq(cards.id, card.id), eq(cards.status, 'open'), eq(cards.updatedAt, card.updatedAt))),
        guardedAudit(db, { actorKind: 'system', actorId: null, action: 'card.privacy_recheck', subjectKind: 'card', subjectId: card.id, detail: { code: card.code, status: { from: 'open', to: 'draft' } }, at: now }),
      ]);
      unpublished.push(card.code);
    } catch (err) {
      // Claimed or edited meanwhile: the next run looks again.
      if (!lostRace(err)) throw err;
    }
  }
  return unpublished;
}
