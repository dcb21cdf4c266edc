import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS } from '#worker/platform/auth/session.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { logIn } from '#worker/console/index.ts';
import { runScheduledJobs } from '#worker/scheduled.ts';
import { countRows, untrusted } from '../support/api-client';
import { createCard, createCoordinator, type TestCoordinator } from '../support/factories';

const db = getDb(env.DB);
let coordinator: TestCoordinator;

beforeAll(async () => {
  coordinator = await createCoordinator();
});

describe('the scheduled jobs', () => {
  it('remove expired sessions and stale failed-login counters, and keep live ones', async () => {
    const old = new Date('2026-11-01T00:00:00Z');
    const now = new Date(old.getTime() + SESSION_ABSOLUTE_MS + 60_000);
    await logIn(db, { username: coordinator.username, password: coordinator.password }, untrusted('10.1.1.1'), old);
    await logIn(db, { username: coordinator.username, password: coordinator.password }, untrusted('10.1.1.2'), now);
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

describe('the privacy re-check of cards on the wall', () => {
  it('takes an open card whose words the gate now objects to back to draft, with a system audit row, and leaves the rest', async () => {
    const [flagged, clean] = [(await createCard({ status: 'open' })).code, (await createCard({ status: 'open' })).code];
    // As if published before the gate knew better.
    await env.DB.prepare("UPDATE cards SET wish = '我是王小明，想要一本新华字典。' WHERE code = ?").bind(flagged).run();
    await runScheduledJobs(env, new Date());
    const status = (code: string) => env.DB.prepare('SELECT status, reviewed_at FROM cards WHERE code = ?').bind(code).first<{ status: string; reviewed_at: number | null }>();
    expect(await status(flagged!)).toEqual({ status: 'draft', reviewed_at: null });
    expect((await status(clean!))!.status).toBe('open');
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'card.privacy_recheck' AND actor_kind = 'system'")).toBe(1);
    await runScheduledJobs(env, new Date());
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'card.privacy_recheck'")).toBe(1);
  });
});
