/**
 * Reviewing and publishing a drive's worth of cards. The review queue shows one draft after another
 * and takes one tap per card: 通过并发布 (reviewed and on the wall at once), 需要修改 (out of the queue
 * until edited), 跳过. Publishing a chosen set goes through the same function. The privacy gate reads
 * every card either way; a card is published only with its guardian's consent on record and nothing
 * open in the gate. However many cards, the writes are three statements in one batch: the cards, a
 * review audit row for each newly reviewed one, a publish audit row for each published one.
 */
import { and, asc, count, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { archivedRefused } from '#worker/platform/db/constraints.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';
import { auditLog, campaigns, cardPrivacyDismissals, cardPrivate, cards } from '#worker/platform/db/schema.ts';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import { checkCardPrivacy, openFindings, type PrivacyFinding } from '#worker/privacy/index.ts';
import type { ConsentMethod } from '#worker/vocabulary.ts';
import { consoleColumns, privacyContext, type ConsoleCard } from './console';
import { cardFailure } from './failures';
import { cardPrivacy } from './privacy';

export interface QueuedCard {
  card: ConsoleCard;
  findings: PrivacyFinding[];
  /** Drafts waiting in the queue, this one included. */
  waiting: number;
  /** What keeps this card from the wall, besides the review the tap gives. */
  blockers: string[];
}

/** A draft waits in the review queue unless a coordinator asked for changes. */
const inQueue = (campaignId: number) => and(eq(cards.campaignId, campaignId), eq(cards.status, 'draft'), isNull(cardPrivate.changesAsked));

/** Why a draft cannot go on the wall even with the review's tap: no consent, or what the gate still finds. */
function blockersOf(card: ConsoleCard, findings: PrivacyFinding[]): string[] {
  return [...(card.consentOn ? [] : ['还没登记监护人同意公开心愿的日期和方式']), ...findings.map((f) => `隐私检查：${f.message}`)];
}

/** The next draft in the queue after the card with id `after` (跳过 moves past a card without changing it). */
export async function nextInQueue(db: Db, campaignId: number, after = 0): Promise<QueuedCard | null> {
  const [row, [{ n } = { n: 0 }]] = await Promise.all([
    db
      .select(consoleColumns)
      .from(cards)
      .innerJoin(cardPrivate, eq(cardPrivate.cardId, cards.id))
      .where(and(inQueue(campaignId), gt(cards.id, after)))
      .orderBy(asc(cards.id))
      .get(),
    db.select({ n: count() }).from(cards).innerJoin(cardPrivate, eq(cardPrivate.cardId, cards.id)).where(inQueue(campaignId)),
  ]);
  if (!row) return null;
  const { open } = await cardPrivacy(db, row);
  return { card: row, findings: open, waiting: n, blockers: blockersOf(row, open) };
}

/** Drafts a coordinator sent back with "需要修改", with what was asked. */
export async function cardsAwaitingChanges(db: Db, campaignId: number) {
  return db
    .select({ code: cards.code, alias: cards.alias, changesAsked: cardPrivate.changesAsked })
    .from(cards)
    .innerJoin(cardPrivate, eq(cardPrivate.cardId, cards.id))
    .where(and(eq(cards.campaignId, campaignId), eq(cards.status, 'draft'), isNotNull(cardPrivate.changesAsked)))
    .orderBy(asc(cards.id));
}

/** "需要修改": the draft leaves the queue with what to change, until someone edits it. Audited. */
export async function askForChanges(db: Db, code: string, note: string, actorId: number, now = new Date()) {
  const card = await db.select({ id: cards.id, status: cards.status }).from(cards).where(eq(cards.code, code)).get();
  if (!card) return cardFailure('card_not_found');
  if (card.status !== 'draft') return cardFailure('not_reviewable');
  try {
    await db.batch([
      db
        .update(cardPrivate)
        .set({ changesAsked: note })
        .where(and(eq(cardPrivate.cardId, card.id), sql`EXISTS (SELECT 1 FROM cards WHERE id = ${card.id} AND status = 'draft')`)),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'card.ask_changes', subjectKind: 'card', subjectId: card.id, detail: { code }, at: now }),
      // Sent back means not approved: the card's own page cannot publish it until someone reviews it again.
      db.update(cards).set({ reviewedAt: null, reviewedBy: null, updatedAt: now }).where(and(eq(cards.id, card.id), eq(cards.status, 'draft'))),
    ]);
  } catch (err) {
    if (archivedRefused(err)) return cardFailure('archived');
    if (lostRace(err)) return cardFailure('conflict');
    throw err;
  }
  return { ok: true as const };
}

export interface PublishReport {
  ok: true;
  published: string[];
  refused: { code: string; reasons: string[] }[];
}

/**
 * Reviews and publishes the chosen drafts: each is read by the privacy gate, and goes on the wall
 * only with the guardian's consent and nothing open in the gate. The answer says, card by card,
 * what was published and what was refused and why.
 */
export async function publishCards(db: Db, codes: string[], actorId: number, now = new Date(), realNames = ''): Promise<PublishReport> {
  const list = JSON.stringify(codes);
  const [rows, dismissals, ctx] = await Promise.all([
    db
      .select({ ...consoleColumns, campaignStatus: campaigns.status })
      .from(cards)
      .innerJoin(cardPrivate, eq(cardPrivate.cardId, cards.id))
      .innerJoin(campaigns, eq(campaigns.id, cards.campaignId))
      .where(sql`${cards.code} IN (SELECT value FROM json_each(${list}))`),
    db
      .select({ cardId: cardPrivacyDismissals.cardId, field: cardPrivacyDismissals.field, kind: cardPrivacyDismissals.kind, found: cardPrivacyDismissals.found })
      .from(cardPrivacyDismissals)
      .innerJoin(cards, eq(cards.id, cardPrivacyDismissals.cardId))
      .where(sql`${cards.code} IN (SELECT value FROM json_each(${list}))`),
    privacyContext(db),
  ]);
  const refused: PublishReport['refused'] = [];
  const ready: { id: number; updatedAt: number }[] = [];
  for (const code of codes) {
    const card = rows.find((r) => r.code === code);
    if (!card) {
      refused.push({ code, reasons: ['没有这张心愿卡'] });
      continue;
    }
    if (card.status !== 'draft') {
      refused.push({ code, reasons: [card.status === 'open' ? '已经在墙上了' : '只有草稿可以发布'] });
      continue;
    }
    // A card goes on a wall that can take its claim: a prepared campaign's (shown once it opens) or the open one's.
    if (card.campaignStatus !== 'prepared' && card.campaignStatus !== 'open') {
      refused.push({ code, reasons: [card.campaignStatus === 'archived' ? '活动已归档，只能查看' : '活动已结束，不再有人能认领它'] });
      continue;
    }
    // Real names typed at review are checked against the words and forgotten: never written, returned or audited.
    const open = openFindings(checkCardPrivacy(card, ctx, realNames), dismissals.filter((d) => d.cardId === card.id));
    const reasons = blockersOf(card, open);
    if (reasons.length) refused.push({ code, reasons });
    else ready.push({ id: card.id, updatedAt: card.updatedAt.getTime() });
  }
  if (ready.length) {
    const chosen = JSON.stringify(ready);
    const stamp = now.getTime();
    // The words the gate read are the words published: a card edited since it was read is left out.
    // "id:updatedAt" pairs, so SQLite looks each card up in one list it indexes once (not a scan per card).
    const versions = JSON.stringify(ready.map((r) => `${r.id}:${r.updatedAt}`));
    const same = sql`(${cards.id} || ':' || ${cards.updatedAt}) IN (SELECT value FROM json_each(${versions}))`;
    // And the campaign still takes cards, checked inside each statement: one closed meanwhile gets none.
    const ids = sql`${cards.id} IN (SELECT json_extract(value, '$.id') FROM json_each(${chosen}))
      AND EXISTS (SELECT 1 FROM campaigns WHERE id = ${cards.campaignId} AND status IN ('prepared', 'open'))`;
    try {
      await db.batch([
        // Audit first for the reviews: a card reviewed in this batch is one whose review is still missing now.
        insertSelect(
          db,
          auditLog,
          { at: now, actorKind: 'coordinator', actorId, action: 'card.review', subjectKind: 'card', subjectId: sql`${cards.id}`, detail: sql`json_object('code', ${cards.code}, 'via', 'publish')` },
          sql`FROM ${cards} WHERE ${ids} AND ${same} AND ${cards.status} = 'draft' AND ${cards.reviewedAt} IS NULL
            AND EXISTS (SELECT 1 FROM card_private WHERE card_id = ${cards.id} AND consent_on IS NOT NULL)`,
        ),
        db
          .update(cards)
          .set({ status: 'open', reviewedAt: sql`coalesce(${cards.reviewedAt}, ${stamp})`, reviewedBy: sql`coalesce(${cards.reviewedBy}, ${actorId})`, publishedAt: now, updatedAt: now })
          .where(and(ids, same, eq(cards.status, 'draft'), sql`EXISTS (SELECT 1 FROM card_private WHERE card_id = ${cards.id} AND consent_on IS NOT NULL)`)),
        insertSelect(
          db,
          auditLog,
          { at: now, actorKind: 'coordinator', actorId, action: 'card.publish', subjectKind: 'card', subjectId: sql`${cards.id}`, detail: sql`json_object('code', ${cards.code}, 'status', json_object('from', 'draft', 'to', 'open'))` },
          sql`FROM ${cards} WHERE ${ids} AND ${cards.status} = 'open' AND ${cards.publishedAt} = ${stamp} AND ${cards.updatedAt} = ${stamp}`,
        ),
      ]);
    } catch (err) {
      // Archived between the read and the write: nothing of the batch was written.
      if (!archivedRefused(err)) throw err;
      for (const r of ready) refused.push({ code: rows.find((x) => x.id === r.id)!.code, reasons: ['活动刚被归档，只能查看'] });
      return { ok: true, published: [], refused };
    }
  }
  const after = ready.length
    ? await db
        .select({ code: cards.code, status: cards.status, publishedAt: cards.publishedAt })
        .from(cards)
        // One bound parameter for any number of cards (D1 allows 100 a statement).
        .where(sql`${cards.id} IN (SELECT json_extract(value, '$.id') FROM json_each(${JSON.stringify(ready)}))`)
    : [];
  const published: string[] = [];
  for (const code of codes) {
    const card = after.find((c) => c.code === code);
    if (!card) continue;
    if (card.status === 'open' && card.publishedAt?.getTime() === now.getTime()) published.push(code);
    else refused.push({ code, reasons: ['刚被别人改过，请刷新后再看'] });
  }
  return { ok: true, published, refused };
}

/** One card through the same path, as the queue's 通过并发布 tap: published, or refused with its reasons. */
export async function publishOne(db: Db, code: string, actorId: number, now = new Date(), realNames = '') {
  const report = await publishCards(db, [code], actorId, now, realNames);
  if (report.published.length) return { ok: true as const };
  const reasons = report.refused[0]?.reasons ?? [];
  return cardFailure('publish_blocked', { message: `没有发布：${reasons.join('；')}` });
}

/** The queue as a list, for publishing many at once: up to `limit` drafts, each with what blocks it. */
export async function queueList(db: Db, campaignId: number, limit = 300) {
  const [rows, [{ n } = { n: 0 }], ctx] = await Promise.all([
    db.select(consoleColumns).from(cards).innerJoin(cardPrivate, eq(cardPrivate.cardId, cards.id)).where(inQueue(campaignId)).orderBy(asc(cards.id)).limit(limit),
    db.select({ n: count() }).from(cards).innerJoin(cardPrivate, eq(cardPrivate.cardId, cards.id)).where(inQueue(campaignId)),
    privacyContext(db),
  ]);
  const ids = JSON.stringify(rows.map((r) => r.id));
  const dismissals = rows.length
    ? await db
        .select({ cardId: cardPrivacyDismissals.cardId, field: cardPrivacyDismissals.field, kind: cardPrivacyDismissals.kind, found: cardPrivacyDismissals.found })
        .from(cardPrivacyDismissals)
        .where(sql`${cardPrivacyDismissals.cardId} IN (SELECT value FROM json_each(${ids}))`)
    : [];
  const items = rows.map((card) => {
    const open = openFindings(checkCardPrivacy(card, ctx), dismissals.filter((d) => d.cardId === card.id));
    return { card, blockers: blockersOf(card, open) };
  });
  return { items, total: n };
}

/**
 * The queue's "登记同意并发布": the guardian's consent written on a draft that has none (audited as an
 * edit of the coordinator-only record), then the card goes through publishCards like any other.
 */
export async function recordConsentAndPublish(db: Db, code: string, consentOn: string, consentMethod: ConsentMethod, actorId: number, now = new Date()) {
  const card = await db.select({ id: cards.id, status: cards.status }).from(cards).where(eq(cards.code, code)).get();
  if (!card) return cardFailure('card_not_found');
  if (card.status !== 'draft') return cardFailure('not_publishable');
  try {
    await db.batch([
      db
        .update(cardPrivate)
        .set({ consentOn, consentMethod })
        .where(and(eq(cardPrivate.cardId, card.id), isNull(cardPrivate.consentOn), sql`EXISTS (SELECT 1 FROM cards WHERE id = ${card.id} AND status = 'draft')`)),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'card.edit', subjectKind: 'card', subjectId: card.id, detail: { code, changed: ['consentOn', 'consentMethod'] }, at: now }),
    ]);
  } catch (err) {
    if (archivedRefused(err) || lostRace(err)) return cardFailure('conflict');
    throw err;
  }
  return publishOne(db, code, actorId, now);
}
