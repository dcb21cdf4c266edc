/**
 * The Cron Trigger's work (wrangler.toml [triggers]): tidy what has expired.
 * Each job is idempotent, so a missed or repeated run does no harm.
 */
import { lt } from 'drizzle-orm';
import { purgeSessions } from '#worker/platform/auth/session.ts';
import { LOCK_MS, THROTTLE_WINDOW_MS } from '#worker/platform/auth/login-throttle.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { loginThrottle } from '#worker/platform/db/schema.ts';
import { recheckOpenCards } from '#worker/cards/index.ts';
import { expireClaims } from '#worker/claims/index.ts';
import { eraseInactiveVolunteers } from '#worker/volunteers/index.ts';

export async function runScheduledJobs(env: Env, now = new Date()): Promise<void> {
  const db = getDb(env.DB);
  await purgeSessions(db, now);
  await expireClaims(db, now);
  await recheckOpenCards(db, now);
  // Failure counters older than both the window and any lock are no longer needed.
  await eraseInactiveVolunteers(db, now);
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStartedAt, new Date(now.getTime() - THROTTLE_WINDOW_MS - LOCK_MS)));
}
