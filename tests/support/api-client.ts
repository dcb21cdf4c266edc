/** How the worker tests call the API inside workerd: the coordinators' API, row counts, a new card's fields. */
import { env, exports } from 'cloudflare:workers';
import type { LoginClient } from '#worker/platform/auth/device-cookie.ts';
import { createLoggedInCoordinator, type TestCoordinator } from './factories';

export const ORIGIN = 'http://shouwang.test';

/** A coordinator made for the test (or the one given), logged in through the API: the session cookie. */
export async function coordinatorCookie(coordinator?: TestCoordinator): Promise<string> {
  return (await createLoggedInCoordinator(coordinator)).cookie;
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
