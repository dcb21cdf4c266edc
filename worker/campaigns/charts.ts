/** The figures behind the console's progress charts. */
import { sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { CARD_CATEGORIES, type CardCategory } from '#worker/vocabulary.ts';

export interface CategoryProgress {
  category: CardCategory;
  open: number;
  claimed: number;
  fulfilled: number;
  /** Fulfilled by the school after the deadline. */
  schoolFulfilled: number;
}

/** Cards on the wall by category and status. */
export async function progressByCategory(db: Db, campaignId: number): Promise<CategoryProgress[]> {
  const rows = await db.all<{ category: CardCategory; status: string; n: number }>(sql`
    SELECT category, status, count(*) AS n FROM cards
    WHERE campaign_id = ${campaignId} AND status IN ('open', 'claimed', 'fulfilled', 'school_fulfilled')
    GROUP BY category, status`);
  return CARD_CATEGORIES.map((category) => {
    const of = (status: string) => rows.find((r) => r.category === category && r.status === status)?.n ?? 0;
    return { category, open: of('open'), claimed: of('claimed'), fulfilled: of('fulfilled'), schoolFulfilled: of('school_fulfilled') };
  });
}

export interface DayProgress {
  day: string;
  /**
   * Cards someone had claimed by the end of the day, fulfilled ones included: on the last day this
   * is the wall's 已认领 plus 已圆梦. A cancelled, refused or expired claim stops counting when it
   * ended (its card went back to the wall), so the line can go down.
   */
  claimed: number;
  /** Gifts confirmed at the school by the end of the day (cards fulfilled). */
  fulfilled: number;
}

/** Day by day (Beijing time) since the campaign started, over the cards on the wall (drafts and withdrawn ones left out, as the wall leaves them out). */
export async function progressOverTime(db: Db, campaignId: number, now = new Date()): Promise<DayProgress[]> {
  const start = await db.get<{ starts_at: number }>(sql`SELECT starts_at FROM campaigns WHERE id = ${campaignId}`);
  if (!start) return [];
  const events = await db.all<{ created_at: number; received_at: number | null; ended_at: number | null }>(sql`
    SELECT cl.created_at, cl.received_at, cl.ended_at FROM claims cl JOIN cards c ON c.id = cl.card_id
    WHERE c.campaign_id = ${campaignId} AND c.status IN ('open', 'claimed', 'fulfilled', 'school_fulfilled')`);
  const days: DayProgress[] = [];
  const DAY = 24 * 60 * 60 * 1000;
  // Up to today: a day that has not begun has no figures yet.
  for (let t = start.starts_at; t <= now.getTime() && days.length < 400; t += DAY) {
    const day = beijingDay(new Date(t));
    const end = t + DAY;
    const received = (e: (typeof events)[number]) => e.received_at !== null && e.received_at < end;
    days.push({
      day,
      // Held at the day's end: made by then, and either received or not yet ended.
      claimed: events.filter((e) => e.created_at < end && (received(e) || e.ended_at === null || e.ended_at >= end)).length,
      fulfilled: events.filter(received).length,
    });
  }
  return days;
}
