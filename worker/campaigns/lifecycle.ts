/**
 * A campaign's life: the next one is created from the last one's settings, opened, closed and
 * archived. Each step is one D1 batch: the conditional write and its guarded audit row. The
 * database settles the races: a partial unique index lets one campaign of a school be open, and
 * archiving checks inside its UPDATE that no claim is still running and no card is left open.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { archivedRefused, uniqueFailed } from '#worker/platform/db/constraints.ts';
import { campaigns, schools } from '#worker/platform/db/schema.ts';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { campaignRow } from './settings';
import { CLAIM_LIVE_STATUSES, type CampaignStatus } from '#worker/vocabulary.ts';
import { recheckOpenCards } from '#worker/cards/changes.ts';
import { campaignFailure } from './failures';
import type { CampaignInput } from './inputs';

export interface CampaignSummary {
  id: number;
  slug: string;
  name: string;
  status: CampaignStatus;
  startsAt: Date;
  claimDeadline: Date;
  dropoffDeadline: Date;
  openedAt: Date | null;
  closedAt: Date | null;
  archivedAt: Date | null;
  /** Cards that reached the wall, and how they ended so far. */
  cards: { published: number; open: number; claimed: number; fulfilled: number; schoolFulfilled: number; drafts: number };
  liveClaims: number;
}

const live = sql.raw(CLAIM_LIVE_STATUSES.map((s) => `'${s}'`).join(', '));

/** Every campaign, newest first, with its counts (for the console's list and the API). */
export async function listCampaigns(db: Db): Promise<CampaignSummary[]> {
  const rows = await db.all<{
    id: number; slug: string; name: string; status: CampaignStatus; starts_at: number; claim_deadline: number; dropoff_deadline: number;
    opened_at: number | null; closed_at: number | null; archived_at: number | null;
    open: number; claimed: number; fulfilled: number; school_fulfilled: number; drafts: number; live_claims: number;
  }>(sql`
    SELECT cp.id, cp.slug, cp.name, cp.status, cp.starts_at, cp.claim_deadline, cp.dropoff_deadline, cp.opened_at, cp.closed_at, cp.archived_at,
      count(CASE WHEN c.status = 'open' THEN 1 END) AS open,
      count(CASE WHEN c.status = 'claimed' THEN 1 END) AS claimed,
      count(CASE WHEN c.status = 'fulfilled' THEN 1 END) AS fulfilled,
      count(CASE WHEN c.status = 'school_fulfilled' THEN 1 END) AS school_fulfilled,
      count(CASE WHEN c.status = 'draft' THEN 1 END) AS drafts,
      (SELECT count(*) FROM claims cl JOIN cards k ON k.id = cl.card_id WHERE k.campaign_id = cp.id AND cl.status IN (${live})) AS live_claims
    FROM campaigns cp LEFT JOIN cards c ON c.campaign_id = cp.id
    GROUP BY cp.id ORDER BY cp.starts_at DESC, cp.id DESC`);
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    status: r.status,
    startsAt: new Date(r.starts_at),
    claimDeadline: new Date(r.claim_deadline),
    dropoffDeadline: new Date(r.dropoff_deadline),
    openedAt: date(r.opened_at),
    closedAt: date(r.closed_at),
    archivedAt: date(r.archived_at),
    cards: { published: r.open + r.claimed + r.fulfilled + r.school_fulfilled, open: r.open, claimed: r.claimed, fulfilled: r.fulfilled, schoolFulfilled: r.school_fulfilled, drafts: r.drafts },
    liveClaims: r.live_claims,
  }));
}

/** The same day a year later (29 February becomes 28 February). */
function nextYear(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * What the form for the next campaign starts with: the last campaign's settings, its dates a year on
 * and the year in its name moved on too, so a coordinator mostly checks and saves.
 */
export async function nextCampaignDraft(db: Db): Promise<CampaignInput | null> {
  const last = await db
    .select({ c: campaigns, villages: schools.villageNames })
    .from(campaigns)
    .innerJoin(schools, eq(schools.id, campaigns.schoolId))
    .orderBy(desc(campaigns.startsAt), desc(campaigns.id))
    .get();
  if (!last) return null;
  const { c } = last;
  const year = Number(beijingDay(c.startsAt).slice(0, 4));
  return {
    name: c.name.replace(String(year + 1), String(year + 2)).replace(String(year), String(year + 1)),
    summary: c.summary,
    startsOn: nextYear(beijingDay(c.startsAt)),
    claimDeadline: nextYear(beijingDay(c.claimDeadline)),
    dropoffDeadline: nextYear(beijingDay(c.dropoffDeadline)),
    dropoffPlace: c.dropoffPlace,
    valueGuide: c.valueGuide,
    claimCap: c.claimCap,
    approveWithinDays: c.approveWithinDays,
    deliverWithinDays: c.deliverWithinDays,
    villageNames: JSON.parse(last.villages) as string[],
  };
}

export type CampaignCreated = { ok: true; id: number; slug: string } | ReturnType<typeof campaignFailure>;

/**
 * A new campaign, prepared (not on the wall until opened), for the school of the last campaign. Its
 * public address is its start month (e.g. /campaigns/2027-11/), with -2, -3 … if a school ran two.
 */
export async function createCampaign(db: Db, input: CampaignInput, actorId: number, now = new Date()): Promise<CampaignCreated> {
  const school =
    (await db.select({ id: campaigns.schoolId }).from(campaigns).orderBy(desc(campaigns.startsAt), desc(campaigns.id)).get()) ??
    (await db.select({ id: schools.id }).from(schools).orderBy(schools.id).get());
  if (!school) return campaignFailure('no_school');
  const villagesBefore = (await db.select({ v: schools.villageNames }).from(schools).where(eq(schools.id, school.id)).get())?.v ?? '[]';
  const villagesChanged = villagesBefore !== JSON.stringify(input.villageNames);
  const base = input.startsOn.slice(0, 7);
  for (let n = 1; n <= 20; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    try {
      const [, , row] = await db.batch([
        db.insert(campaigns).values({
          schoolId: school.id,
          slug,
          ...campaignRow(input),
          status: 'prepared',
          createdAt: now,
        }),
        guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'campaign.create', subjectKind: 'campaign', subjectId: sql`(SELECT id FROM campaigns WHERE slug = ${slug})`, detail: { slug, ...(villagesChanged ? { changed: ['villageNames'] } : {}) }, at: now }),
        db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)),
        db.update(schools).set({ villageNames: JSON.stringify(input.villageNames) }).where(eq(schools.id, school.id)),
      ]);
      // The village list is the school's: a village added here may be named on a card already on the wall.
      if (villagesChanged) await recheckOpenCards(db, now);
      return { ok: true, id: row[0]!.id, slug };
    } catch (err) {
      if (!uniqueFailed(err, campaigns.slug)) throw err;
    }
  }
  return campaignFailure('conflict');
}

type Move = 'open' | 'close' | 'archive';
const MOVES = {
  open: { from: ['prepared', 'closed'], to: 'open', refused: 'not_openable' },
  close: { from: ['open'], to: 'closed', refused: 'not_closable' },
  archive: { from: ['closed'], to: 'archived', refused: 'not_archivable' },
} as const satisfies Record<Move, { from: readonly CampaignStatus[]; to: CampaignStatus; refused: string }>;

export type CampaignMoved = { ok: true; status: CampaignStatus } | ReturnType<typeof campaignFailure>;

/** What still keeps a campaign from being archived: claims running, cards on the wall nobody fulfilled. */
export async function archiveBlockers(db: Db, id: number): Promise<{ liveClaims: number; openCards: number; claimedCards: number; drafts: number }> {
  const row = await db.get<{ liveClaims: number; openCards: number; claimedCards: number; drafts: number }>(sql`
    SELECT
      (SELECT count(*) FROM claims cl JOIN cards c ON c.id = cl.card_id WHERE c.campaign_id = ${id} AND cl.status IN (${live})) AS liveClaims,
      (SELECT count(*) FROM cards WHERE campaign_id = ${id} AND status = 'open') AS openCards,
      (SELECT count(*) FROM cards WHERE campaign_id = ${id} AND status = 'claimed') AS claimedCards,
      (SELECT count(*) FROM cards WHERE campaign_id = ${id} AND status = 'draft') AS drafts`);
  return row ?? { liveClaims: 0, openCards: 0, claimedCards: 0, drafts: 0 };
}

/**
 * Opens, closes or archives a campaign. Opening fails while another campaign of the school is open
 * (the unique index says so); archiving, while a claim runs or a card is still open or claimed: no
 * child is left without a gift, so every open card is first fulfilled by the school or withdrawn.
 */
export async function moveCampaign(db: Db, id: number, move: Move, actorId: number, now = new Date()): Promise<CampaignMoved> {
  const step = MOVES[move];
  const current = await db.select({ status: campaigns.status, schoolId: campaigns.schoolId }).from(campaigns).where(eq(campaigns.id, id)).get();
  if (!current) return campaignFailure('no_campaign');
  if (current.status === 'archived') return campaignFailure('archived');
  if (!(step.from as readonly CampaignStatus[]).includes(current.status)) return campaignFailure(step.refused);
  if (move === 'archive') {
    const b = await archiveBlockers(db, id);
    if (b.liveClaims || b.openCards || b.claimedCards || b.drafts) {
      const parts = [
        b.liveClaims ? `${b.liveClaims} 个认领还没了结（等礼物送到并确认收到，或取消、过期）` : '',
        b.openCards ? `${b.openCards} 张心愿卡没人认领（请由学校兜底，或撤下）` : '',
        // A draft frozen in an archive could never be corrected or erased: it goes first.
        b.drafts ? `${b.drafts} 张草稿没有上墙（请撤下，撤下的卡不会公开）` : '',
      ].filter(Boolean);
      return campaignFailure('archive_unfinished', { message: `还不能归档：${parts.join('；')}。` });
    }
  }
  const stamp = { open: { openedAt: now, closedAt: null }, close: { closedAt: now }, archive: { archivedAt: now } }[move];
  try {
    await db.batch([
      db
        .update(campaigns)
        .set({ status: step.to, ...stamp })
        .where(
          and(
            eq(campaigns.id, id),
            eq(campaigns.status, current.status),
            // Checked again inside the write: a claim made or a card published since the count above loses the race.
            move === 'archive'
              ? sql`NOT EXISTS (SELECT 1 FROM cards c WHERE c.campaign_id = ${id} AND (c.status IN ('draft', 'open', 'claimed')
                  OR EXISTS (SELECT 1 FROM claims cl WHERE cl.card_id = c.id AND cl.status IN (${live}))))`
              : undefined,
          ),
        ),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: `campaign.${move}`, subjectKind: 'campaign', subjectId: id, detail: { status: { from: current.status, to: step.to } }, at: now }),
    ]);
  } catch (err) {
    if (uniqueFailed(err, campaigns.schoolId)) {
      const other = await db.select({ name: campaigns.name }).from(campaigns).where(and(eq(campaigns.schoolId, current.schoolId), eq(campaigns.status, 'open'))).get();
      return campaignFailure('another_open', { message: `“${other?.name ?? '另一个活动'}”正在进行：同一所学校一次只能有一个活动接受认领，请先结束它，再开始这个。` });
    }
    if (archivedRefused(err)) return campaignFailure('archived');
    if (lostRace(err)) return campaignFailure('conflict');
    throw err;
  }
  return { ok: true, status: step.to };
}
