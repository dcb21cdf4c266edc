/** The campaign's settings as coordinators edit them, with the school's village list for the privacy check. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { campaignFailure } from './failures';
import { campaigns, schools } from '#worker/platform/db/schema.ts';
import type { CampaignInput } from './inputs';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import { recheckOpenCards } from '#worker/cards/index.ts';
import { beijingDay, beijingEndOfDay, beijingStartOfDay } from '#worker/platform/time.ts';
import { currentCampaign } from '#worker/cards/index.ts';

export interface CampaignSettings extends CampaignInput {
  id: number;
}

export async function getCampaignSettings(db: Db): Promise<CampaignSettings | null> {
  const current = await currentCampaign(db);
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

/** Saves the current campaign's settings (the one operation both doors run). */
export async function saveCampaignSettings(db: Db, input: CampaignInput, actorId: number, now = new Date()): Promise<CampaignChange> {
  const current = await getCampaignSettings(db);
  if (!current) return campaignFailure('no_campaign');
  if (!(await updateCampaignSettings(db, current.id, input, actorId, now, current))) return campaignFailure('conflict');
  return { ok: true, campaign: (await getCampaignSettings(db))! };
}

/** Saves the settings and the village list with one audit row; `false` if the campaign is gone. */
async function updateCampaignSettings(db: Db, id: number, input: CampaignInput, actorId: number, now = new Date(), known?: CampaignSettings): Promise<boolean> {
  const before = known ?? (await getCampaignSettings(db));
  const changed = before ? (Object.keys(input) as (keyof CampaignInput)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k])) : [];
  try {
    await db.batch([
      db
        .update(campaigns)
        .set({
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
        })
        .where(eq(campaigns.id, id)),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'campaign.edit', subjectKind: 'campaign', subjectId: id, detail: { changed }, at: now }),
      db.update(schools).set({ villageNames: JSON.stringify(input.villageNames) }).where(sql`id = (SELECT school_id FROM campaigns WHERE id = ${id})`),
    ]);
    // A village added to the list may be named on a card already on the wall.
    if (changed.includes('villageNames')) await recheckOpenCards(db, now);
    return true;
  } catch (err) {
    if (lostRace(err)) return false;
    throw err;
  }
}
