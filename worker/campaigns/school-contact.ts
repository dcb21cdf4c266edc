/** How a visitor reaches the school running the current campaign: its name and office phone (public, printed on the letter too). */
import { eq } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { campaigns, schools } from '#worker/platform/db/schema.ts';
import { workingCampaign } from './current';

export interface SchoolContact {
  name: string;
  officePhone: string;
}

export async function schoolContact(db: Db, now = new Date()): Promise<SchoolContact | null> {
  // Between campaigns the school is still there: the last campaign's school.
  const campaign = await workingCampaign(db, now);
  if (!campaign) return null;
  const row = await db
    .select({ name: schools.name, officePhone: schools.officePhone })
    .from(schools)
    .innerJoin(campaigns, eq(campaigns.schoolId, schools.id))
    .where(eq(campaigns.id, campaign.id))
    .get();
  return row ?? null;
}
