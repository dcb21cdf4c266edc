/**
 * Cookies over HTTPS (issue 13): every cookie the login form, the JSON login,
 * the sign-up form and a private link set is `__Host-<name>` with Secure,
 * Path=/ and no Domain. And the no-JavaScript login form honours the device
 * cookie as the API does: strangers who lock the account do not lock out a
 * browser that has logged in before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_FAILURE_LIMIT } from '#worker/platform/auth/login-throttle.ts';
import { seedCanaryCampaign } from '../support/canary-campaign';
import { createCoordinator } from '../support/factories';
import { csrfOf, HTTPS_ORIGIN, Visitor } from '../support/site-client';

/** The right username and password of the coordinator this file makes. */
let RIGHT: { username: string; password: string };
/** Every Set-Cookie line seen, with the step that produced it. */
const seen: { step: string; line: string }[] = [];

/** A visit whose Set-Cookie lines are recorded. */
async function step(step: string, res: Promise<Response>): Promise<Response> {
  const r = await res;
  for (const line of r.headers.getSetCookie()) seen.push({ step, line });
  return r;
}

/** Signs in through the console's login form (no JavaScript: GET the form, POST it). */
async function formLogin(who: Visitor, label: string, ip: string) {
  const csrf = csrfOf(await (await step(`${label}: login form`, who.visit('/admin/login'))).text());
  return step(`${label}: login post`, who.visit('/admin/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: who.origin, 'CF-Connecting-IP': ip },
    body: new URLSearchParams({ _csrf: csrf, ...RIGHT }).toString(),
  }));
}

let coordinator: Visitor;

beforeAll(async () => {
  await seedCanaryCampaign();
  const { username, password } = await createCoordinator();
  RIGHT = { username, password };
  // A coordinator through the form, then logging out through the form.
  coordinator = new Visitor(HTTPS_ORIGIN);
  expect((await formLogin(coordinator, 'form', '10.66.0.1')).status).toBe(303);
  const consolePage = await (await coordinator.visit('/admin/')).text();
  expect((await step('logout', coordinator.postForm('/admin/logout', { _csrf: csrfOf(consolePage) }))).status).toBe(303);
  // The JSON login.
  await step('API login', new Visitor(HTTPS_ORIGIN).postJson('/api/admin/login', RIGHT, { 'CF-Connecting-IP': '10.66.0.2' }));
  // A volunteer signs up through the form and opens their private link.
  const volunteer = new Visitor(HTTPS_ORIGIN);
  const signup = await (await step('sign-up form', volunteer.visit('/volunteer/'))).text();
  const sent = await step('sign-up post', volunteer.postForm('/volunteer/', {
    _csrf: csrfOf(signup), name: '林晓', mobile: '13912345678', town: '青石镇', helpTypes: 'wish_cards', agreeCode: 'on', agreePrivacy: 'on', website: '',
  }));
  expect(sent.status).toBe(303);
  await step('private link', volunteer.visit(new URL(sent.headers.get('Location')!, HTTPS_ORIGIN).pathname));
});

describe('over HTTPS', () => {
  it('every cookie the forms, the login and a private link set is __Host- with Secure, Path=/ and no Domain', () => {
    const names = new Set(seen.map((s) => s.line.split('=')[0]));
    expect(names).toEqual(new Set(['__Host-sw_login_csrf', '__Host-sw_admin', '__Host-sw_device', '__Host-sw_signup_csrf', '__Host-sw_vol']));
    for (const { step, line } of seen) {
      const attributes = line.split(';').slice(1).map((a) => a.trim().toLowerCase());
      expect(line, step).toMatch(/^__Host-/);
      expect(attributes, step).toContain('secure');
      expect(attributes, step).toContain('path=/');
      expect(attributes.some((a) => a.startsWith('domain')), step).toBe(false);
    }
  });

  it('the login form lets a browser with a device cookie in while strangers have locked the account', async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      await new Visitor(HTTPS_ORIGIN).postJson('/api/admin/login', { ...RIGHT, password: `guess-${i}` }, { 'CF-Connecting-IP': `10.66.1.${i}` });
    }
    const stranger = await formLogin(new Visitor(HTTPS_ORIGIN), 'stranger', '10.66.2.1');
    expect(stranger.status).toBe(429);
    expect(await stranger.text()).toContain('分钟后再试');
    // The coordinator's browser still holds the device cookie the form login gave it.
    expect(coordinator.jar.get('__Host-sw_device')).toBeDefined();
    const trusted = await formLogin(coordinator, 'trusted', '10.66.2.2');
    expect(trusted.status).toBe(303);
    expect(trusted.headers.get('Location')).toBe('/admin/');
  });
});
