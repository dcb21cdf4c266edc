/**
 * The public record of past campaigns: counts only. How many wishes went on the wall, how many
 * volunteers fulfilled and how many the school did, by category, and the school's thank-you. No
 * volunteer's or child's data: not an alias, not a wish, not a name.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { campaigns, schools } from '#worker/platform/db/schema.ts';
import { CARD_CATEGORIES, type CampaignStatus, type CardCategory } from '#worker/vocabulary.ts';

/** The states whose record is public: the campaign has ended. */
export const PAST_CAMPAIGN_STATUSES = ['closed', 'archived'] as const satisfies readonly CampaignStatus[];

export interface CategoryRecord {
  category: CardCategory;
  wishes: number;
  byVolunteers: number;
  bySchool: number;
}

export interface CampaignRecord {
  slug: string;
  name: string;
  summary: string;
  status: (typeof PAST_CAMPAIGN_STATUSES)[number];
  schoolName: string;
  startsAt: Date;
  claimDeadline: Date;
  closedAt: Date | null;
  thankYou: string;
  /** Cards that reached the wall (withdrawn ones and drafts left out). */
  wishes: number;
  byVolunteers: number;
  bySchool: number;
  /** Distinct volunteers whose gift the school confirmed: a count, nobody named. */
  volunteers: number;
  byCategory: CategoryRecord[];
}

/** Counts per campaign (and per category when asked), over cards that reached the wall. */
async function counts(db: Db, ids: number[]) {
  if (!ids.length) return [];
  const list = JSON.stringify(ids);
  return db.all<{ campaign_id: number; category: CardCategory; wishes: number; by_volunteers: number; by_school: number }>(sql`
    SELECT campaign_id, category, count(*) AS wishes,
      count(CASE WHEN status = 'fulfilled' THEN 1 END) AS by_volunteers,
      count(CASE WHEN status = 'school_fulfilled' THEN 1 END) AS by_school
    FROM cards WHERE campaign_id IN (SELECT value FROM json_each(${list})) AND status IN ('open', 'claimed', 'fulfilled', 'school_fulfilled')
    GROUP BY campaign_id, category`);
}

const sum = (rows: { wishes: number; by_volunteers: number; by_school: number }[]) => ({
  wishes: rows.reduce((n, r) => n + r.wishes, 0),
  byVolunteers: rows.reduce((n, r) => n + r.by_volunteers, 0),
  bySchool: rows.reduce((n, r) => n + r.by_school, 0),
});

export interface PastCampaign {
  slug: string;
  name: string;
  startsAt: Date;
  wishes: number;
  byVolunteers: number;
  bySchool: number;
}

/** Every past campaign, newest first, with its three figures. */
export async function pastCampaigns(db: Db): Promise<PastCampaign[]> {
  const rows = await db
    .select({ id: campaigns.id, slug: campaigns.slug, name: campaigns.name, startsAt: campaigns.startsAt })
    .from(campaigns)
    .where(inArray(campaigns.status, [...PAST_CAMPAIGN_STATUSES]))
    .orderBy(desc(campaigns.startsAt));
  const all = await counts(db, rows.map((r) => r.id));
  return rows.map((r) => ({ slug: r.slug, name: r.name, startsAt: r.startsAt, ...sum(all.filter((c) => c.campaign_id === r.id)) }));
}

/** One past campaign's public record, or null if there is none by that slug or it has not ended. */
export async function campaignRecord(db: Db, slug: string): Promise<CampaignRecord | null> {
  const row = await db
    .select({ c: campaigns, schoolName: schools.name })
    .from(campaigns)
    .innerJoin(schools, eq(schools.id, campaigns.schoolId))
    .where(and(eq(campaigns.slug, slug), inArray(campaigns.status, [...PAST_CAMPAIGN_STATUSES])))
    .get();
  if (!row) return null;
  const { c } = row;
  const [byCat, helpers] = await Promise.all([
    counts(db, [c.id]),
    db.get<{ n: number }>(sql`
      SELECT count(DISTINCT cl.volunteer_id) AS n FROM claims cl JOIN cards k ON k.id = cl.card_id
      WHERE k.campaign_id = ${c.id} AND cl.status = 'received'`),
  ]);
  return {
    slug: c.slug,
    name: c.name,
    summary: c.summary,
    status: c.status as CampaignRecord['status'],
    schoolName: row.schoolName,
    startsAt: c.startsAt,
    claimDeadline: c.claimDeadline,
    closedAt: c.closedAt,
    thankYou: c.thankYou,
    ...sum(byCat),
    volunteers: helpers?.n ?? 0,
    byCategory: CARD_CATEGORIES.map((category) => {
      const r = byCat.find((x) => x.category === category);
      return { category, wishes: r?.wishes ?? 0, byVolunteers: r?.by_volunteers ?? 0, bySchool: r?.by_school ?? 0 };
    }).filter((r) => r.wishes > 0),
  };
}

export interface NextCampaignHint {
  /** A campaign being prepared, with its start day. */
  prepared: { name: string; slug: string; startsAt: Date } | null;
  /** Otherwise, the month the last one started in: drives come back in the same season. */
  usualMonth: number | null;
  /** The last past campaign, to link its record. */
  last: { slug: string; name: string } | null;
}

/** What the wall says between campaigns instead of showing nothing. */
export async function nextCampaignHint(db: Db): Promise<NextCampaignHint> {
  const [prepared, last] = await Promise.all([
    db.select({ name: campaigns.name, slug: campaigns.slug, startsAt: campaigns.startsAt }).from(campaigns).where(eq(campaigns.status, 'prepared')).orderBy(asc(campaigns.startsAt)).get(),
    db
      .select({ slug: campaigns.slug, name: campaigns.name, startsAt: campaigns.startsAt })
      .from(campaigns)
      .where(inArray(campaigns.status, [...PAST_CAMPAIGN_STATUSES]))
      .orderBy(desc(campaigns.startsAt))
      .get(),
  ]);
  // Beijing's month: a campaign starting at midnight on 1 November is a November campaign.
  const month = last ? new Date(last.startsAt.getTime() + 8 * 3600_000).getUTCMonth() + 1 : null;
  return { prepared: prepared ?? null, usualMonth: prepared ? null : month, last: last ? { slug: last.slug, name: last.name } : null };
}
