import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '#worker/platform/db/client.ts';
import { loginThrottle } from '#worker/platform/db/schema.ts';
import { runScheduledJobs, SCHEDULED_JOBS } from '#worker/scheduled.ts';

const db = getDb(env.DB);
const staleCounter = () => env.DB.prepare("SELECT count(*) AS n FROM login_throttle WHERE key = 'user:stale'").first<{ n: number }>();

afterEach(() => vi.restoreAllMocks());

describe('the scheduled jobs, one failing', () => {
  it('log the failed job, report it, and still run every other job', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    await db.insert(loginThrottle).values({ key: 'user:stale', failures: 3, windowStartedAt: new Date('2026-10-01T00:00:00Z') });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { name: 'broken', run: async () => { throw new Error('no such table: gone'); } };

    const reports = await runScheduledJobs(env, now, [broken, ...SCHEDULED_JOBS]);

    expect(reports[0]).toEqual({ name: 'broken', ok: false, error: 'no such table: gone' });
    expect(reports.slice(1).every((r) => r.ok)).toBe(true);
    expect(reports.map((r) => r.name)).toEqual(['broken', ...SCHEDULED_JOBS.map((j) => j.name)]);
    // The last job still removed the stale failure counter.
    expect((await staleCounter())!.n).toBe(0);
    expect(logged).toHaveBeenCalledWith('scheduled job failed', 'broken', 'no such table: gone');
  });

  it('report every job as done when none fails', async () => {
    const reports = await runScheduledJobs(env, new Date());
    expect(reports).toEqual(SCHEDULED_JOBS.map((j) => ({ name: j.name, ok: true })));
  });
});
