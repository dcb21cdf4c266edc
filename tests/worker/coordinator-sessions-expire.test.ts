import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '#worker/platform/auth/session.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { logIn } from '#worker/console/index.ts';
import { untrusted } from '../support/api-client';
import { createCoordinator, type TestCoordinator } from '../support/factories';

const db = getDb(env.DB);
const T0 = new Date('2026-12-01T01:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60 * 1000;

let coordinator: TestCoordinator;

async function openSession(address: string) {
  const result = await logIn(db, { username: coordinator.username, password: coordinator.password }, untrusted(address), T0);
  if (!result.ok) throw new Error('login failed');
  return result.token;
}

beforeAll(async () => {
  coordinator = await createCoordinator();
});

describe('coordinator sessions expire', () => {
  it('after two idle hours', async () => {
    const token = await openSession('10.0.0.1');
    expect(await readSession(db, token, at(SESSION_IDLE_MS - MIN))).not.toBeNull();
    const fresh = await openSession('10.0.0.2');
    expect(await readSession(db, fresh, at(SESSION_IDLE_MS + MIN))).toBeNull();
  });

  it('after twelve hours however active', async () => {
    const token = await openSession('10.0.0.3');
    for (let t = 60 * MIN; t < SESSION_ABSOLUTE_MS; t += 60 * MIN) {
      expect(await readSession(db, token, at(t)), `${t / MIN} min`).not.toBeNull();
    }
    expect(await readSession(db, token, at(SESSION_ABSOLUTE_MS + MIN))).toBeNull();
  });

  it('when the coordinator is disabled', async () => {
    const token = await openSession('10.0.0.4');
    await env.DB.prepare('UPDATE coordinators SET disabled_at = ? WHERE id = ?').bind(T0.getTime(), coordinator.id).run();
    try {
      expect(await readSession(db, token, at(MIN))).toBeNull();
    } finally {
      await env.DB.prepare('UPDATE coordinators SET disabled_at = NULL WHERE id = ?').bind(coordinator.id).run();
    }
  });

  it('and an unknown or oversized token opens nothing', async () => {
    expect(await readSession(db, 'not-a-token', T0)).toBeNull();
    expect(await readSession(db, 'x'.repeat(5000), T0)).toBeNull();
    expect(await readSession(db, undefined, T0)).toBeNull();
  });
});
