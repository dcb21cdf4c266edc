/**
 * Device cookies (issue 13, OWASP "Slow down online guessing attacks with device
 * cookies"): strangers who lock the account do not lock out a browser that has
 * logged in before; that browser's cookie has its own lock; a cookie that is
 * forged, altered, too old or another user's gives no trust.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_TRUST_S, deviceKey, issueDeviceCookie } from '#worker/platform/auth/device-cookie.ts';
import { LOCAL_DEVICE_SECRET } from '#worker/platform/auth/local-device-secret.ts';
import { ACCOUNT_FAILURE_LIMIT, DEVICE_FAILURE_LIMIT } from '#worker/platform/auth/login-throttle.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { logIn } from '#worker/console/index.ts';
import { countRows, ORIGIN, untrusted } from '../support/api-client';
import { createCoordinator, type TestCoordinator } from '../support/factories';

let coordinator: TestCoordinator;
/** The coordinator's right username and password. */
let RIGHT: { username: string; password: string };
let address = 0;

/** A login through the API from a new address each time (so only the account and device locks are in play). */
function login(body: { username: string; password: string }, cookie?: string, origin = ORIGIN) {
  return exports.default.fetch(`${origin}/api/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `198.18.${Math.floor(++address / 250)}.${address % 250}`, ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** The device cookie (name=value) a response sets, if any. */
const deviceCookieOf = (res: Response) => res.headers.getSetCookie().find((c) => /^(__Host-)?sw_device=/.test(c))?.split(';')[0];

/** Logs in once with the right password and keeps the browser's device cookie. */
async function trustedBrowser(origin = ORIGIN): Promise<string> {
  const res = await login(RIGHT, undefined, origin);
  expect(res.status).toBe(200);
  return deviceCookieOf(res)!;
}

/** Five wrong passwords from five addresses: the attack issue 13 describes. */
async function strangersLockTheAccount(username = coordinator.username) {
  for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect((await login({ username, password: `guess-${i}` })).status).toBe(401);
  expect((await login({ username, password: username === coordinator.username ? RIGHT.password : 'x' })).status).toBe(429);
}

const audit = (sql: string) => countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'login.failed' AND ${sql}`);

beforeAll(async () => {
  coordinator = await createCoordinator();
  RIGHT = { username: coordinator.username, password: coordinator.password };
});
beforeEach(async () => {
  await env.DB.prepare('DELETE FROM login_throttle').run();
});

describe('device cookies', () => {
  it('a successful login gives the browser a signed device cookie without the password', async () => {
    const res = await login(RIGHT);
    const line = res.headers.getSetCookie().find((c) => c.startsWith('sw_device='))!;
    expect(line).toMatch(/^sw_device=v1\.[\w-]+\.[0-9a-z]+\.[\w-]{43}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=15552000$/);
    expect(line).not.toContain(coordinator.password);
    // Each success issues a new cookie (new nonce).
    expect(deviceCookieOf(await login(RIGHT))).not.toBe(deviceCookieOf(res));
  });

  it('five wrong passwords from five addresses lock out strangers, but a browser with a device cookie still gets in', async () => {
    const cookie = await trustedBrowser();
    await strangersLockTheAccount();
    const res = await login(RIGHT, cookie);
    expect(res.status).toBe(200);
    expect(deviceCookieOf(res)).toBeDefined();
    // The trusted login does not lift the strangers' lock.
    expect((await login(RIGHT)).status).toBe(429);
  });

  it('counts a trusted browser’s failures against its own cookie and locks that cookie after the limit', async () => {
    const cookie = await trustedBrowser();
    for (let i = 0; i < DEVICE_FAILURE_LIMIT; i++) expect((await login({ username: coordinator.username, password: `typo-${i}` }, cookie)).status).toBe(401);
    expect(await countRows("SELECT count(*) AS n FROM login_throttle WHERE key LIKE 'device:%' AND locked_until IS NOT NULL")).toBe(1);
    // The account was not counted: strangers and other browsers are unaffected.
    expect(await countRows('SELECT count(*) AS n FROM login_throttle WHERE key = ?', `user:${coordinator.username}`)).toBe(0);
    const locked = await login(RIGHT, cookie);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('Set-Cookie')).toBeNull();
    expect(await audit(`json_extract(detail, '$.device') = 'trusted' AND json_extract(detail, '$.reason') = 'locked'`)).toBeGreaterThan(0);
    expect((await login(RIGHT)).status).toBe(200);
  });

  it('a forged, altered, too old or another user’s cookie gives no trust', async () => {
    const cookie = await trustedBrowser();
    const [name, value] = cookie.split('=') as [string, string];
    const [v, user, issued, nonce, sig] = value.split('.') as [string, string, string, string, string];
    const key = (await deviceKey(env))!;
    const otherKey = (await deviceKey({ DEVICE_COOKIE_SECRET: 'another-secret-that-is-long-enough-to-use', SHOUWANG_ENV: 'test' }))!;
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const untrustedCookies = {
      'altered signature': `${name}=${v}.${user}.${issued}.${nonce}.${flip(sig)}`,
      'altered nonce': `${name}=${v}.${user}.${issued}.${flip(nonce)}.${sig}`,
      'username swapped': `${name}=${v}.${btoa('ghost').replace(/=+$/, '')}.${issued}.${nonce}.${sig}`,
      'signed with another secret': `${name}=${await issueDeviceCookie(otherKey, coordinator.username, new Date())}`,
      'another user’s': `${name}=${await issueDeviceCookie(key, 'someone-else', new Date())}`,
      'too old': `${name}=${await issueDeviceCookie(key, coordinator.username, new Date(Date.now() - DEVICE_TRUST_S * 1000 - 60_000))}`,
      garbage: `${name}=v1.%%%.!.?.`,
    };
    await strangersLockTheAccount();
    for (const [what, forged] of Object.entries(untrustedCookies)) {
      expect((await login(RIGHT, forged)).status, what).toBe(429);
    }
    expect((await login(RIGHT, cookie)).status).toBe(200);
  });

  it('answers a known and an unknown username the same way with a device cookie, and sets no cookie on failure', async () => {
    const cookie = await trustedBrowser();
    const wrong = await login({ username: coordinator.username, password: 'not-the-password' }, cookie);
    const unknown = await login({ username: 'nobody', password: 'not-the-password' }, cookie);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect([wrong.headers.get('Set-Cookie'), unknown.headers.get('Set-Cookie')]).toEqual([null, null]);
    // The cookie is this coordinator's: for any other name the browser is a stranger, and that name's account key is counted.
    expect(await countRows("SELECT failures AS n FROM login_throttle WHERE key = 'user:nobody'")).toBe(1);
    await strangersLockTheAccount('ghost');
    expect((await login({ username: 'ghost', password: 'x' }, cookie)).status).toBe(429);
  });

  it('over HTTPS is a __Host- cookie and is honoured only under that name', async () => {
    const https = 'https://shouwang.test';
    const cookie = await trustedBrowser(https);
    expect(cookie).toMatch(/^__Host-sw_device=/);
    await strangersLockTheAccount();
    expect((await login(RIGHT, cookie.replace('__Host-', ''), https)).status).toBe(429);
    expect((await login(RIGHT, cookie, https)).status).toBe(200);
  });

  it('writes each failure with its audit row, naming a trusted device', async () => {
    const cookie = await trustedBrowser();
    const before = [await audit("json_extract(detail, '$.device') = 'trusted'"), await audit("json_extract(detail, '$.device') IS NULL")];
    await login({ username: coordinator.username, password: 'typo' }, cookie);
    await login({ username: coordinator.username, password: 'typo' });
    expect([await audit("json_extract(detail, '$.device') = 'trusted'"), await audit("json_extract(detail, '$.device') IS NULL")]).toEqual([before[0]! + 1, before[1]! + 1]);
  });
});

describe('device cookies without a usable secret', () => {
  it('are off: logins still work, no cookie is issued, and everyone is a stranger to the lock', async () => {
    expect(deviceKey({ DEVICE_COOKIE_SECRET: undefined })).toBeNull();
    expect(deviceKey({ DEVICE_COOKIE_SECRET: 'too-short' })).toBeNull();
    // The local-only value is refused where SHOUWANG_ENV is unset (production).
    expect(deviceKey({ DEVICE_COOKIE_SECRET: LOCAL_DEVICE_SECRET })).toBeNull();
    expect(deviceKey({ DEVICE_COOKIE_SECRET: LOCAL_DEVICE_SECRET, SHOUWANG_ENV: 'production' })).toBeNull();
    const db = getDb(env.DB);
    const ok = await logIn(db, RIGHT, untrusted('198.19.0.1'));
    expect(ok).toMatchObject({ ok: true, deviceCookie: null });
    const cookie = (await trustedBrowser()).split('=')[1]!;
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await logIn(db, { username: coordinator.username, password: `g${i}` }, untrusted(`198.19.1.${i}`));
    // A cookie issued earlier is not honoured while device trust is off.
    expect(await logIn(db, RIGHT, { address: '198.19.2.1', deviceCookie: cookie, deviceKey: null })).toMatchObject({ ok: false, reason: 'locked' });
  });
});
