/** Fixed-window counters in D1: one upsert per hit, so simultaneous hits are all counted. */
import { sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { rateCounters } from '#worker/platform/db/schema.ts';

/** Counts a hit on `key`; `false` when it goes past `limit` within the window. */
export async function allowHit(db: Db, key: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  const t = now.getTime();
  const start = t - windowMs;
  const [row] = await db
    .insert(rateCounters)
    .values({ key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateCounters.key,
      set: {
        count: sql`CASE WHEN ${rateCounters.windowStartedAt} < ${start} THEN 1 ELSE ${rateCounters.count} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${rateCounters.windowStartedAt} < ${start} THEN ${t} ELSE ${rateCounters.windowStartedAt} END`,
      },
    })
    .returning({ count: rateCounters.count });
  return (row?.count ?? 1) <= limit;
}

/** The sign-up limit from configuration (wrangler vars): strict in production, generous in the local demo. */
export function signupLimit(env: { SIGNUP_RATE_LIMIT?: string; SIGNUP_RATE_WINDOW_SECONDS?: string }) {
  const limit = Number(env.SIGNUP_RATE_LIMIT ?? 5);
  const windowSeconds = Number(env.SIGNUP_RATE_WINDOW_SECONDS ?? 600);
  return {
    limit: Number.isFinite(limit) && limit > 0 ? limit : 5,
    windowMs: (Number.isFinite(windowSeconds) && windowSeconds > 0 ? windowSeconds : 600) * 1000,
  };
}
