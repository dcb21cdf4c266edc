/**
 * Which campaign is which: the one on the wall (the open one) and the one the console works on.
 * Imported by cards and claims too, so it depends on the schema alone.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { campaigns } from '#worker/platform/db/schema.ts';
import type { CampaignStatus } from '#worker/vocabulary.ts';

export interface PublicCampaign {
  id: number;
  schoolId: number;
  slug: string;
  name: string;
  summary: string;
  status: CampaignStatus;
  startsAt: Date;
  claimDeadline: Date;
  dropoffDeadline: Date;
  dropoffPlace: string;
  valueGuide: string;
}

const campaignColumns = {
  id: campaigns.id,
  schoolId: campaigns.schoolId,
  slug: campaigns.slug,
  name: campaigns.name,
  summary: campaigns.summary,
  status: campaigns.status,
  startsAt: campaigns.startsAt,
  claimDeadline: campaigns.claimDeadline,
  dropoffDeadline: campaigns.dropoffDeadline,
  dropoffPlace: campaigns.dropoffPlace,
  valueGuide: campaigns.valueGuide,
};

/**
 * The campaign on the wall: the open one (the database allows one a school). Should several schools
 * each have one open, the latest started shows; before any has started, the earliest.
 */
export async function currentCampaign(db: Db, now = new Date()): Promise<PublicCampaign | null> {
  const rows = await db.select(campaignColumns).from(campaigns).where(eq(campaigns.status, 'open')).orderBy(asc(campaigns.startsAt));
  const started = rows.filter((c) => c.startsAt.getTime() <= now.getTime());
  return started.at(-1) ?? rows[0] ?? null;
}

/**
 * The campaign the console's cards, import, review queue, settings and dashboard work on: the open
 * one while it takes claims; else the one being prepared (next winter's cards go there, even while
 * last winter's is open past its deadline); else the open one past its deadline; else the last
 * closed one (its gifts still arrive); else the last archived.
 */
export async function workingCampaign(db: Db, now = new Date()): Promise<PublicCampaign | null> {
  const open = await currentCampaign(db, now);
  if (open && now.getTime() <= open.claimDeadline.getTime()) return open;
  const rows = await db
    .select(campaignColumns)
    .from(campaigns)
    .where(inArray(campaigns.status, ['prepared', 'closed', 'archived']))
    .orderBy(desc(campaigns.startsAt), desc(campaigns.id));
  const prepared = rows.find((c) => c.status === 'prepared');
  if (prepared) return prepared;
  if (open) return open;
  return rows.find((c) => c.status === 'closed') ?? rows.find((c) => c.status === 'archived') ?? null;
}

/** A campaign by its public slug, whatever its state. */
export async function campaignBySlug(db: Db, slug: string): Promise<PublicCampaign | null> {
  return (await db.select(campaignColumns).from(campaigns).where(eq(campaigns.slug, slug)).get()) ?? null;
}

/** The campaign new cards (typed or imported) go into: the working one, unless it is archived and so read-only. */
export async function campaignForNewCards(db: Db): Promise<PublicCampaign | null> {
  const campaign = await workingCampaign(db);
  return campaign && campaign.status !== 'archived' ? campaign : null;
}
