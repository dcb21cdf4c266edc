/** How a visitor reaches the school running the current campaign: its name and office phone (public, printed on the letter too). */
import { eq } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { campaigns, schools } from '#worker/platform/db/schema.ts';
import { currentCampaign } from '#worker/cards/index.ts';

export interface SchoolContact {
  name: string;
  officePhone: string;
}

export async function schoolContact(db: Db, now = new Date()): Promise<SchoolContact | null> {
  const campaign = await currentCampaign(db, now);
  if (!campaign) return null;
  const row = await db
    .select({ name: schools.name, officePhone: schools.officePhone })
    .from(schools)
    .innerJoin(campaigns, eq(campaigns.schoolId, schools.id))
    .where(eq(campaigns.id, campaign.id))
    .get();
  return row ?? null;
}
