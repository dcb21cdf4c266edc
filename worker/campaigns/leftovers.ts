/**
 * No child left without a gift. After the claim deadline the console lists the cards nobody's gift
 * will fulfil (still open, including those whose claim expired), and a coordinator marks them
 * "由学校兜底": the school's fund or a donated bundle fulfils the wish. A status of its own, counted
 * apart on the public record, each card with its audit row, all in one batch.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { archivedRefused } from '#worker/platform/db/constraints.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';
import { auditLog, campaigns, cards } from '#worker/platform/db/schema.ts';
import type { CardCategory, GradeBand } from '#worker/vocabulary.ts';
import type { Failure } from '#worker/platform/failures.ts';
import { campaignFailure } from './failures';

export interface LeftoverCard {
  code: string;
  alias: string;
  age: number;
  gradeBand: GradeBand;
  category: CardCategory;
  wish: string;
  /** When a volunteer's claim on it last expired or was cancelled, if one did: the gift that never came. */
  lastClaimEndedAt: Date | null;
  lastClaimStatus: 'expired' | 'cancelled' | 'rejected' | null;
}

/** Whether the school may step in: the claim deadline has passed, or the campaign was closed. */
export const fallbackAllowed = (campaign: { status: string; claimDeadline: Date }, now = new Date()) =>
  campaign.status === 'closed' || (campaign.status === 'open' && now.getTime() > campaign.claimDeadline.getTime());

/** A campaign's cards still open, oldest published first, with how their last claim ended. */
export async function leftoverCards(db: Db, campaignId: number): Promise<LeftoverCard[]> {
  const rows = await db.all<{ code: string; alias: string; age: number; grade_band: GradeBand; category: CardCategory; wish: string; ended_at: number | null; last_status: LeftoverCard['lastClaimStatus'] }>(sql`
    SELECT c.code, c.alias, c.age, c.grade_band, c.category, c.wish, cl.ended_at, cl.status AS last_status
    FROM cards c
    LEFT JOIN claims cl ON cl.id = (SELECT max(id) FROM claims WHERE card_id = c.id)
    WHERE c.campaign_id = ${campaignId} AND c.status = 'open'
    ORDER BY c.published_at, c.id`);
  return rows.map((r) => ({
    code: r.code,
    alias: r.alias,
    age: r.age,
    gradeBand: r.grade_band,
    category: r.category,
    wish: r.wish,
    lastClaimEndedAt: r.ended_at === null ? null : new Date(r.ended_at),
    lastClaimStatus: r.last_status,
  }));
}

export interface FallbackReport {
  ok: true;
  /** Marked now. */
  marked: string[];
  /** Not marked, with why (claimed meanwhile, not in this campaign, …). */
  refused: { code: string; reason: string }[];
}

/**
 * Marks the chosen open cards of a campaign as fulfilled by the school. One statement changes every
 * card that is still open (a card claimed a moment ago is left alone), one inserts an audit row per
 * card it changed.
 */
export async function markSchoolFulfilled(db: Db, campaignId: number, codes: string[], actorId: number, now = new Date()): Promise<FallbackReport | Failure> {
  const campaign = await db.select({ status: campaigns.status, claimDeadline: campaigns.claimDeadline }).from(campaigns).where(eq(campaigns.id, campaignId)).get();
  if (!campaign) return campaignFailure('no_campaign');
  if (campaign.status === 'archived') return campaignFailure('archived');
  if (!fallbackAllowed(campaign, now)) return campaignFailure('not_after_deadline');
  if (!codes.length) return campaignFailure('none_selected');
  const list = JSON.stringify(codes);
  const chosen = sql`${cards.code} IN (SELECT value FROM json_each(${list}))`;
  try {
    await db.batch([
      db
        .update(cards)
        .set({ status: 'school_fulfilled', updatedAt: now })
        .where(
          and(
            eq(cards.campaignId, campaignId),
            eq(cards.status, 'open'),
            chosen,
            // The deadline is checked again inside the write, against the campaign as it is now.
            sql`EXISTS (SELECT 1 FROM campaigns WHERE id = ${campaignId} AND (status = 'closed' OR (status = 'open' AND claim_deadline < ${now.getTime()})))`,
          ),
        ),
      // One audit row per card this batch changed: the cards now marked, stamped with this moment.
      insertSelect(
        db,
        auditLog,
        {
          at: now,
          actorKind: 'coordinator',
          actorId,
          action: 'card.school_fulfil',
          subjectKind: 'card',
          subjectId: sql`${cards.id}`,
          detail: sql`json_object('code', ${cards.code}, 'status', json_object('from', 'open', 'to', 'school_fulfilled'))`,
        },
        sql`FROM ${cards} WHERE ${cards.campaignId} = ${campaignId} AND ${cards.status} = 'school_fulfilled' AND ${cards.updatedAt} = ${now.getTime()} AND ${chosen}`,
      ),
    ]);
  } catch (err) {
    if (archivedRefused(err)) return campaignFailure('archived');
    throw err;
  }
  const after = await db.all<{ code: string; status: string; campaign_id: number; updated_at: number }>(
    sql`SELECT code, status, campaign_id, updated_at FROM cards WHERE code IN (SELECT value FROM json_each(${list}))`,
  );
  const marked: string[] = [];
  const refused: FallbackReport['refused'] = [];
  for (const code of codes) {
    const card = after.find((c) => c.code === code);
    if (card && card.campaign_id === campaignId && card.status === 'school_fulfilled' && card.updated_at === now.getTime()) marked.push(code);
    else if (!card || card.campaign_id !== campaignId) refused.push({ code, reason: '不是这个活动的心愿卡' });
    else if (card.status === 'school_fulfilled') refused.push({ code, reason: '之前已经由学校兜底' });
    else if (card.status === 'claimed') refused.push({ code, reason: '刚刚有人认领了，等他的礼物' });
    else if (card.status === 'fulfilled') refused.push({ code, reason: '志愿者的礼物已经收到' });
    else refused.push({ code, reason: '这张卡不在墙上（草稿或已撤下）' });
  }
  return { ok: true, marked, refused };
}
