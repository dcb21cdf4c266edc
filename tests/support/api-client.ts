import { env, exports } from 'cloudflare:workers';
import { DEMO_COORDINATOR } from './demo/demo-data';
import type { LoginClient } from '#worker/platform/auth/device-cookie.ts';

export const ORIGIN = 'http://shouwang.test';

/** Logs the demo coordinator in through the API and returns the session cookie. */
export async function coordinatorCookie(): Promise<string> {
  const res = await exports.default.fetch(`${ORIGIN}/api/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
    body: JSON.stringify({ username: DEMO_COORDINATOR.username, password: DEMO_COORDINATOR.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers.get('Set-Cookie')!.split(';')[0]!;
}

/** A login client with no device cookie (for calling logIn directly). */
export const untrusted = (address: string): LoginClient => ({ address, deviceCookie: undefined, deviceKey: null });

/** Calls the admin API as a coordinator. */
export function adminFetch(cookie: string, path: string, method = 'GET', body?: unknown) {
  return exports.default.fetch(`${ORIGIN}/api/admin${path}`, {
    method,
    headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export const countRows = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql).bind(...binds).first<{ n: number }>())!.n;

export const NEW_CARD = {
  alias: '朵朵',
  age: 8,
  gradeBand: 'middle_primary',
  category: 'books',
  wish: '我想要一本讲海洋动物的书。',
  sizeNote: '',
  handoutRef: '登记-2026-107',
  consentOn: '',
  consentMethod: '',
  notes: '',
};

let refs = 0;
/** A school register number not used yet in this test file. */
export const nextRef = () => `登记-T${++refs}`;
