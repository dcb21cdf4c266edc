import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '#worker/platform/auth/password.ts';
import { applyLocalMigrations, ROOT } from '../support/local-stack';

let persistTo = '';

function coordinator(args: string[], password: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/coordinator.ts', ...args, '--persist-to', persistTo], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SHOUWANG_PASSWORD: password },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

async function query<T>(sql: string): Promise<T[]> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: path.join(ROOT, 'wrangler.toml'), persist: { path: path.join(persistTo, 'v3') }, remoteBindings: false });
  try {
    return (await proxy.env.DB.prepare(sql).all<T>()).results;
  } finally {
    await proxy.dispose();
  }
}

beforeAll(async () => {
  persistTo = await mkdtemp(path.join(tmpdir(), 'shouwang-coordinator-'));
  await applyLocalMigrations(persistTo, true);
});
afterAll(async () => {
  await rm(persistTo, { recursive: true, force: true });
});

describe('npm run coordinator', () => {
  it('creates a coordinator with a PBKDF2 hash, refuses a short password and a taken name, and resets a password', async () => {
    expect(coordinator(['create', 'li.laoshi', '李老师'], 'short').status).not.toBe(0);
    const created = coordinator(['create', 'Li.Laoshi', '李老师'], 'snow on the mountain road');
    expect(created.output).toContain('created');
    expect(created.status).toBe(0);
    expect(coordinator(['create', 'li.laoshi', '别人'], 'another long password').output).toContain('taken');

    type Row = { username: string; display_name: string; password_hash: string; password_salt: string; password_iterations: number };
    const [row] = await query<Row>('SELECT * FROM coordinators');
    expect(row).toMatchObject({ username: 'li.laoshi', display_name: '李老师', password_iterations: 100_000 });
    expect(row!.password_hash).not.toContain('snow');
    expect(await verifyPassword('snow on the mountain road', { hash: row!.password_hash, salt: row!.password_salt, iterations: row!.password_iterations })).toBe(true);

    expect(coordinator(['reset-password', 'nobody'], 'a new long passphrase').status).not.toBe(0);
    expect(coordinator(['reset-password', 'li.laoshi'], 'a new long passphrase').status).toBe(0);
    const [after] = await query<Row>('SELECT * FROM coordinators');
    const stored = { hash: after!.password_hash, salt: after!.password_salt, iterations: after!.password_iterations };
    expect(await verifyPassword('a new long passphrase', stored)).toBe(true);
    expect(await verifyPassword('snow on the mountain road', stored)).toBe(false);

    const audit = await query<{ action: string }>("SELECT action FROM audit_log WHERE subject_kind = 'coordinator' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['coordinator.created', 'coordinator.password_reset']);
  });

  it('disables a coordinator: their sessions end and the row says since when, with an audit row', async () => {
    expect(coordinator(['create', 'wang.laoshi', '王老师'], 'another long passphrase').status).toBe(0);
    await query("INSERT INTO coordinator_sessions (token_hash, coordinator_id, csrf_token, last_seen_at, expires_at) SELECT 'x', id, 'y', 1, 9999999999999 FROM coordinators WHERE username = 'wang.laoshi'");
    expect(coordinator(['disable', 'nobody'], '').status).not.toBe(0);
    const disabled = coordinator(['disable', 'wang.laoshi'], '');
    expect(disabled.status, disabled.output).toBe(0);
    const [row] = await query<{ disabled_at: number | null; sessions: number }>("SELECT disabled_at, (SELECT count(*) FROM coordinator_sessions s WHERE s.coordinator_id = c.id) AS sessions FROM coordinators c WHERE username = 'wang.laoshi'");
    expect(row!.disabled_at).toBeGreaterThan(0);
    expect(row!.sessions).toBe(0);
    const audit = await query<{ action: string }>("SELECT action FROM audit_log WHERE action = 'coordinator.disabled'");
    expect(audit).toHaveLength(1);
  });
});
