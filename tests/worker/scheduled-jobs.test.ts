import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR } from '../../scripts/demo/demo-data';
import { loadDemo } from '../../scripts/demo/load-demo';
import { SESSION_ABSOLUTE_MS } from '../../worker/auth/session';
import { getDb } from '../../worker/db/client';
import { logIn } from '../../worker/domain/coordinator-login';
import { runScheduledJobs } from '../../worker/scheduled';
import { countRows, untrusted } from './admin-helpers';

const db = getDb(env.DB);

beforeAll(async () => {
  await loadDemo(db);
});

describe('the scheduled jobs', () => {
  it('remove expired sessions and stale failed-login counters, and keep live ones', async () => {
    const old = new Date('2026-11-01T00:00:00Z');
    const now = new Date(old.getTime() + SESSION_ABSOLUTE_MS + 60_000);
    await logIn(db, { username: 'demo', password: DEMO_COORDINATOR.password }, untrusted('10.1.1.1'), old);
    await logIn(db, { username: 'demo', password: DEMO_COORDINATOR.password }, untrusted('10.1.1.2'), now);
    await logIn(db, { username: 'nobody', password: 'x' }, untrusted('10.1.1.3'), old);
    await logIn(db, { username: 'someone', password: 'x' }, untrusted('10.1.1.4'), now);
    expect(await countRows('SELECT count(*) AS n FROM coordinator_sessions')).toBe(2);

    await runScheduledJobs(env, now);
    expect(await countRows('SELECT count(*) AS n FROM coordinator_sessions')).toBe(1);
    expect(await countRows('SELECT count(*) AS n FROM coordinator_sessions WHERE created_at = ?', now.getTime())).toBe(1);
    expect(await countRows("SELECT count(*) AS n FROM login_throttle WHERE key = 'user:nobody'")).toBe(0);
    expect(await countRows("SELECT count(*) AS n FROM login_throttle WHERE key = 'user:someone'")).toBe(1);
  });
});
