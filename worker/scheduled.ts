/**
 * The Cron Trigger's work (wrangler config "triggers", hourly): tidy what has
 * expired and re-check what is on the wall. Each job is idempotent, so a
 * missed or repeated run does no harm, and each runs on its own: one that
 * fails is logged and the others still run.
 */
import { lt } from 'drizzle-orm';
import { purgeSessions } from '#worker/platform/auth/session.ts';
import { LOCK_MS, THROTTLE_WINDOW_MS } from '#worker/platform/auth/login-throttle.ts';
import { getDb, type Db } from '#worker/platform/db/client.ts';
import { loginThrottle } from '#worker/platform/db/schema.ts';
import { recheckOpenCards } from '#worker/cards/index.ts';
import { expireClaims } from '#worker/claims/index.ts';
import { eraseInactiveVolunteers } from '#worker/volunteers/index.ts';
import { anonymiseOldPairingChildren } from '#worker/pairings/index.ts';

export interface ScheduledJob {
  name: string;
  run(db: Db, now: Date): Promise<unknown>;
}

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  { name: 'purge-sessions', run: purgeSessions },
  { name: 'expire-claims', run: expireClaims },
  { name: 'recheck-open-cards', run: recheckOpenCards },
  { name: 'erase-inactive-volunteers', run: eraseInactiveVolunteers },
  { name: 'anonymise-old-pairing-children', run: anonymiseOldPairingChildren },
  {
    name: 'purge-login-throttle',
    // Failure counters older than both the window and any lock are no longer needed.
    run: (db, now) => db.delete(loginThrottle).where(lt(loginThrottle.windowStartedAt, new Date(now.getTime() - THROTTLE_WINDOW_MS - LOCK_MS))),
  },
];

export type JobReport = { name: string; ok: true } | { name: string; ok: false; error: string };

/** Runs every job in turn; a failure is logged and reported, never stops the next job. */
export async function runScheduledJobs(env: Env, now = new Date(), jobs: readonly ScheduledJob[] = SCHEDULED_JOBS): Promise<JobReport[]> {
  const db = getDb(env.DB);
  const reports: JobReport[] = [];
  for (const job of jobs) {
    try {
      await job.run(db, now);
      reports.push({ name: job.name, ok: true });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      console.error('scheduled job failed', job.name, error);
      reports.push({ name: job.name, ok: false, error });
    }
  }
  return reports;
}
