import { env, exports } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT } from '#worker/platform/auth/login-throttle.ts';
import { createCoordinator, type TestCoordinator } from '../support/factories';

const ORIGIN = 'http://shouwang.test';

function login(body: unknown, headers: Record<string, string> = {}, origin = ORIGIN) {
  return exports.default.fetch(`${origin}/api/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '203.0.113.7', ...headers },
    body: JSON.stringify(body),
  });
}
const cookieOf = (res: Response) => res.headers.get('Set-Cookie')?.split(';')[0] ?? '';
const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;
const audit = (action: string) => count(`SELECT count(*) AS n FROM audit_log WHERE action = '${action}'`);

let coordinator: TestCoordinator;
/** The coordinator's right username and password. */
let right: { username: string; password: string };

beforeAll(async () => {
  coordinator = await createCoordinator({ displayName: '李老师' });
  right = { username: coordinator.username, password: coordinator.password };
});
// Each test starts with no failed logins counted.
beforeEach(async () => {
  await env.DB.prepare('DELETE FROM login_throttle').run();
});

describe('POST /api/admin/login', () => {
  it('opens a session with an HttpOnly, SameSite=Lax cookie and audits the login', async () => {
    const before = await audit('login');
    // The username as typed on a phone: capitalised, with a trailing space.
    const res = await login({ username: `${coordinator.username.toUpperCase()} `, password: coordinator.password });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ coordinator: { username: coordinator.username, displayName: '李老师' } });
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^sw_admin=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    expect(await audit('login')).toBe(before + 1);
    // Only the token's hash is stored.
    const token = cookieOf(res).split('=')[1]!;
    expect(await count(`SELECT count(*) AS n FROM coordinator_sessions WHERE token_hash = '${token}'`)).toBe(0);

    const me = await exports.default.fetch(`${ORIGIN}/api/admin/me`, { headers: { Cookie: cookieOf(res) } });
    expect(me.status).toBe(200);
    expect(me.headers.get('Cache-Control')).toBe('no-store');
  });

  it('over HTTPS names every cookie __Host- with Secure, Path=/ and no Domain, and reads only those names', async () => {
    const https = 'https://shouwang.test';
    const res = await login(right, { 'CF-Connecting-IP': '203.0.113.8' }, https);
    const set = res.headers.getSetCookie();
    expect(set.map((c) => c.split('=')[0])).toEqual(['__Host-sw_admin', '__Host-sw_device']);
    for (const c of set) {
      expect(c).toMatch(/; Path=\/;/);
      expect(c).toMatch(/; Secure$/);
      expect(c).not.toMatch(/domain=/i);
    }
    const session = cookieOf(res);
    expect((await exports.default.fetch(`${https}/api/admin/me`, { headers: { Cookie: session } })).status).toBe(200);
    // The same token under the plain name (as a subdomain or an http page could plant it) opens nothing over HTTPS.
    expect((await exports.default.fetch(`${https}/api/admin/me`, { headers: { Cookie: session.replace('__Host-', '') } })).status).toBe(401);
    const out = await exports.default.fetch(`${https}/api/admin/logout`, { method: 'POST', headers: { Cookie: session, 'Content-Type': 'application/json' }, body: '{}' });
    expect(out.headers.get('Set-Cookie')).toMatch(/^__Host-sw_admin=; Path=\/; .*Max-Age=0; Secure$/);
  });

  it('answers a wrong password and an unknown user the same way, and audits both', async () => {
    const before = await audit('login.failed');
    const wrong = await login({ username: coordinator.username, password: 'not-the-password' }, { 'CF-Connecting-IP': '198.51.100.1' });
    const unknown = await login({ username: 'nobody', password: 'not-the-password' }, { 'CF-Connecting-IP': '198.51.100.1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(await audit('login.failed')).toBe(before + 2);
  });

  it('locks an account after repeated failures, even for the right password, and says so without naming the account', async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      expect((await login({ username: coordinator.username, password: `guess-${i}` }, { 'CF-Connecting-IP': `192.0.2.${i}` })).status).toBe(401);
    }
    const locked = await login(right, { 'CF-Connecting-IP': '192.0.2.99' });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('Retry-After')).toMatch(/^\d+$/);
    const body = (await locked.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_many_attempts');
    expect(body.error.message).toMatch(/分钟后再试/);
    // An unknown username locks the same way, so a lock reveals nothing.
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await login({ username: 'ghost', password: 'x' }, { 'CF-Connecting-IP': `192.0.2.${50 + i}` });
    expect((await login({ username: 'ghost', password: 'x' }, { 'CF-Connecting-IP': '192.0.2.98' })).status).toBe(429);
  });

  it('locks an address that tries many usernames', async () => {
    const address = { 'CF-Connecting-IP': '203.0.113.200' };
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await login({ username: `user${i}`, password: 'x' }, address);
    expect((await login(right, address)).status).toBe(429);
    expect((await login(right, { 'CF-Connecting-IP': '203.0.113.201' })).status).toBe(200);
  });

  it('counts simultaneous failures without losing any (settled in the database)', async () => {
    await Promise.all(Array.from({ length: 4 }, (_, i) => login({ username: 'racer', password: `p${i}` }, { 'CF-Connecting-IP': `198.51.100.${10 + i}` })));
    expect(await count("SELECT failures AS n FROM login_throttle WHERE key = 'user:racer'")).toBe(4);
  });

  it('refuses a form post, a foreign origin and bad input without writing a session', async () => {
    const sessions = await count('SELECT count(*) AS n FROM coordinator_sessions');
    const form = await exports.default.fetch(`${ORIGIN}/api/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(right).toString(),
    });
    expect(form.status).toBe(415);
    const foreign = await login(right, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'cross_site' } });
    const bad = await login({ username: 12, password: '' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(['password', 'username']);
    expect(await count('SELECT count(*) AS n FROM coordinator_sessions')).toBe(sessions);
  });
});

describe('POST /api/admin/logout', () => {
  it('ends the session, clears the cookie and audits it', async () => {
    const cookie = cookieOf(await login(right, { 'CF-Connecting-IP': '203.0.113.50' }));
    const before = await audit('logout');
    const out = await exports.default.fetch(`${ORIGIN}/api/admin/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^sw_admin=; .*Max-Age=0/);
    expect(await audit('logout')).toBe(before + 1);
    expect((await exports.default.fetch(`${ORIGIN}/api/admin/me`, { headers: { Cookie: cookie } })).status).toBe(401);
  });
});
