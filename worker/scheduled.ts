/**
 * The Cron Trigger's work (wrangler.jsonc "triggers"): tidy what has expired.
 * Each job is idempotent, so a missed or repeated run does no harm.
 */
import { lt } from 'drizzle-orm';
import { purgeSessions } from './auth/session';
import { LOCK_MS, THROTTLE_WINDOW_MS } from './auth/login-throttle';
import { getDb } from './db/client';
import { loginThrottle } from './db/schema';
import { recheckOpenCards } from './domain/card-changes';
import { expireClaims } from './domain/claims';
import { eraseInactiveVolunteers } from './domain/volunteer-vetting';

export async function runScheduledJobs(env: Env, now = new Date()): Promise<void> {
  const db = getDb(env.DB);
  await purgeSessions(db, now);
  await expireClaims(db, now);
  await recheckOpenCards(db, now);
  // Failure counters older than both the window and any lock are no longer needed.
  await eraseInactiveVolunteers(db, now);
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStartedAt, new Date(now.getTime() - THROTTLE_WINDOW_MS - LOCK_MS)));
}
