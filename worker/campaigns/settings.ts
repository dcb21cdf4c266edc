/** The campaign's settings as coordinators edit them, with the school's village list for the privacy check. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { campaignFailure } from './failures';
import { campaigns, schools } from '#worker/platform/db/schema.ts';
import type { CampaignInput } from './inputs';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import { recheckOpenCards } from '#worker/cards/index.ts';
import { beijingDay, beijingEndOfDay, beijingStartOfDay } from '#worker/platform/time.ts';
import { archivedRefused } from '#worker/platform/db/constraints.ts';
import { workingCampaign } from './current';
import type { CampaignStatus } from '#worker/vocabulary.ts';

export interface CampaignSettings extends CampaignInput {
  id: number;
  slug: string;
  status: CampaignStatus;
  thankYou: string;
}

/** A campaign's settings: the one given, or the one the console works on. */
export async function getCampaignSettings(db: Db, id?: number): Promise<CampaignSettings | null> {
  const current = id === undefined ? await workingCampaign(db) : { id };
  if (!current) return null;
  const row = await db
    .select({ c: campaigns, villages: schools.villageNames })
    .from(campaigns)
    .innerJoin(schools, eq(schools.id, campaigns.schoolId))
    .where(eq(campaigns.id, current.id))
    .get();
  if (!row) return null;
  const { c } = row;
  return {
    id: c.id,
    slug: c.slug,
    status: c.status,
    thankYou: c.thankYou,
    name: c.name,
    summary: c.summary,
    startsOn: beijingDay(c.startsAt),
    claimDeadline: beijingDay(c.claimDeadline),
    dropoffDeadline: beijingDay(c.dropoffDeadline),
    dropoffPlace: c.dropoffPlace,
    valueGuide: c.valueGuide,
    claimCap: c.claimCap,
    approveWithinDays: c.approveWithinDays,
    deliverWithinDays: c.deliverWithinDays,
    villageNames: JSON.parse(row.villages) as string[],
  };
}

export type CampaignChange = { ok: true; campaign: CampaignSettings } | ReturnType<typeof campaignFailure>;

/** Saves a campaign's settings, the working one unless told which (the one operation both doors run). An archived campaign is read-only. */
export async function saveCampaignSettings(db: Db, input: CampaignInput, actorId: number, now = new Date(), id?: number): Promise<CampaignChange> {
  const current = await getCampaignSettings(db, id);
  if (!current) return campaignFailure('no_campaign');
  if (current.status === 'archived') return campaignFailure('archived');
  const saved = await updateCampaignSettings(db, current.id, input, actorId, now, current);
  if (saved !== true) return campaignFailure(saved);
  return { ok: true, campaign: (await getCampaignSettings(db, current.id))! };
}

/**
 * The school's thank-you on the campaign's public record. Still editable once archived: it is
 * written when the results are in. Passed through the privacy gate by its schema.
 */
export async function saveThankYou(db: Db, id: number, thankYou: string, actorId: number, now = new Date()): Promise<CampaignChange> {
  const current = await getCampaignSettings(db, id);
  if (!current) return campaignFailure('no_campaign');
  try {
    await db.batch([
      db.update(campaigns).set({ thankYou }).where(eq(campaigns.id, id)),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'campaign.edit', subjectKind: 'campaign', subjectId: id, detail: { changed: ['thankYou'] }, at: now }),
    ]);
  } catch (err) {
    if (lostRace(err)) return campaignFailure('conflict');
    throw err;
  }
  return { ok: true, campaign: (await getCampaignSettings(db, id))! };
}

/** Saves the settings and the village list with one audit row; otherwise why not. */
async function updateCampaignSettings(db: Db, id: number, input: CampaignInput, actorId: number, now = new Date(), known?: CampaignSettings): Promise<true | 'conflict' | 'archived'> {
  const before = known ?? (await getCampaignSettings(db));
  const changed = before ? (Object.keys(input) as (keyof CampaignInput)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k])) : [];
  try {
    await db.batch([
      db
        .update(campaigns)
        .set(campaignRow(input))
        .where(eq(campaigns.id, id)),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'campaign.edit', subjectKind: 'campaign', subjectId: id, detail: { changed }, at: now }),
      db.update(schools).set({ villageNames: JSON.stringify(input.villageNames) }).where(sql`id = (SELECT school_id FROM campaigns WHERE id = ${id})`),
    ]);
    // A village added to the list may be named on a card already on the wall.
    if (changed.includes('villageNames')) await recheckOpenCards(db, now);
    return true;
  } catch (err) {
    if (archivedRefused(err)) return 'archived';
    if (lostRace(err)) return 'conflict';
    throw err;
  }
}

/** The campaign row's columns from the settings as typed: days become Beijing's start and end of day. */
export function campaignRow(input: CampaignInput) {
  return {
    name: input.name,
    summary: input.summary,
    startsAt: beijingStartOfDay(input.startsOn),
    claimDeadline: beijingEndOfDay(input.claimDeadline),
    dropoffDeadline: beijingEndOfDay(input.dropoffDeadline),
    dropoffPlace: input.dropoffPlace,
    valueGuide: input.valueGuide,
    claimCap: input.claimCap,
    approveWithinDays: input.approveWithinDays,
    deliverWithinDays: input.deliverWithinDays,
  };
}
