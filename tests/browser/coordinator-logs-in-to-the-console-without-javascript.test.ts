import { readdir } from 'node:fs/promises';
import path from 'node:path';
import axe from 'axe-core';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';
import { ROOT } from '../support/local-stack';
import { openPage } from '../support/chromium';
import { claimedCard, volunteerWithId } from '../support/served-site-data';

/** Console pages, read from site/pages/admin so that a new page is walked too. */
async function consolePagePaths(): Promise<string[]> {
  const dir = path.join(ROOT, 'site/pages/admin');
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(astro|ts)$/.test(f));
  return files
    .map((f) => `/admin/${f.replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '$1')}`.replace(/\[[^\]]+\]/g, 'K7M3Q'))
    .filter((p) => p !== '/admin/login');
}

async function signIn(page: import('playwright-core').Page, password: string = DEMO_COORDINATOR.password) {
  await page.goto('/admin/');
  await page.getByLabel('用户名').fill(DEMO_COORDINATOR.username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('the coordinators’ console, in a browser without JavaScript', () => {
  it('a coordinator mistypes, keeps the username, then logs in, sees the queues and logs out', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await signIn(page, 'wrong-password');
    expect(page.url()).toContain('/admin/login');
    expect(await page.getByRole('alert').textContent()).toContain('用户名或密码不对');
    expect(await page.getByLabel('用户名').inputValue()).toBe(DEMO_COORDINATOR.username);
    expect(await page.getByLabel('密码').inputValue()).toBe('');

    await page.getByLabel('密码').fill(DEMO_COORDINATOR.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/admin/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('待办');
    expect(await page.getByText('待批准的认领').count()).toBe(1);
    // The browser is remembered (docs/decisions/009): a device cookie it keeps after logging out.
    const deviceCookie = async () => (await page.context().cookies()).find((c) => c.name === 'sw_device');
    expect(await deviceCookie()).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/admin/login?bye=1');
    expect(await deviceCookie()).toBeDefined();
    expect(await page.getByRole('status').textContent()).toContain('已退出登录');
    await page.goto('/admin/');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.context().close();
  });

  it('an empty form comes back with an error summary linking to each field', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto('/admin/login');
    await page.getByRole('button', { name: '登录' }).click();
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['#username', '#password']);
    expect(await page.locator('#username-error').textContent()).toBe('请填写用户名');
    expect(await page.getByLabel('用户名').getAttribute('aria-invalid')).toBe('true');
    await page.context().close();
  });

  it('a login post that is not a form gets an answer, never a 500', async () => {
    const base = inject('baseUrl');
    for (const [type, body] of [['multipart/form-data; boundary=x', '--y\r\nbroken'], ['application/x-www-form-urlencoded', '%E4%ZZ=%'], ['text/plain', 'hello']]) {
      const res = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'Content-Type': type!, Origin: base }, body });
      expect(res.status, type).toBeGreaterThanOrEqual(400);
      expect(res.status, type).toBeLessThan(500);
    }
  });

  it('every console page sends a visitor without a session to the login page', async () => {
    const paths = await consolePagePaths();
    expect(paths).toEqual(expect.arrayContaining(['/admin/', '/admin/cards/', '/admin/cards/K7M3Q', '/admin/export/cards.csv', '/admin/import/']));
    for (const p of paths) {
      const res = await fetch(`${inject('baseUrl')}${p}`, { redirect: 'manual' });
      expect(res.status, p).toBe(303);
      expect(res.headers.get('Location'), p).toMatch(/\/admin\/login\?next=/);
    }
    const post = await fetch(`${inject('baseUrl')}/admin/logout`, { method: 'POST', redirect: 'manual', headers: { Origin: inject('baseUrl') } });
    expect(post.status).toBe(303);
  });

  it('a state change without the form token, or from another site, is refused with 403', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await signIn(page);
    await page.waitForURL('**/admin/');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const base = inject('baseUrl');
    const token = await page.locator('input[name="_csrf"]').first().getAttribute('value');

    const noToken = await fetch(`${base}/admin/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(noToken.status).toBe(403);
    const foreign = await fetch(`${base}/admin/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' }, body: `_csrf=${token}` });
    expect(foreign.status).toBe(403);
    // Neither ended the session.
    await page.goto('/admin/');
    expect(new URL(page.url()).pathname).toBe('/admin/');
    await page.context().close();
  });

  it('the login page and every console page pass axe-core and are never cached', async () => {
    const page = await openPage({ bypassCSP: true });
    const found: Record<string, string[]> = {};
    const check = async (label: string) => {
      await page.addScriptTag({ content: axe.source });
      const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
      const v = result.violations.map((x) => `${x.id}: ${x.nodes[0]?.target.join(' ')}`);
      if (v.length) found[label] = v;
    };
    // A card, a volunteer and a claim of the test's own, so the detail pages have something to show.
    const someone = await volunteerWithId();
    const { code, claimId } = await claimedCard(someone.token, 'approved');
    const pages = ['/admin/cards/', '/admin/cards/new', `/admin/cards/${code}`, '/admin/campaign', '/admin/audit', '/admin/import/', '/admin/volunteers/', `/admin/volunteers/${someone.id}`, '/admin/claims/', `/admin/claims/${claimId}`];
    const login = await page.goto('/admin/login');
    expect(login?.headers()['cache-control']).toBe('no-store');
    await check('login');
    await signIn(page);
    await page.waitForURL('**/admin/');
    await check('home');
    for (const path of pages) {
      const res = await page.goto(path);
      expect(res?.headers()['cache-control'], path).toBe('no-store');
      await check(path);
    }
    expect(found).toEqual({});
    // On a 360 px phone nothing pushes the page sideways (wide tables scroll inside their box).
    await page.setViewportSize({ width: 360, height: 740 });
    const overflowing: string[] = [];
    for (const path of ['/admin/', ...pages]) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) overflowing.push(`${path}: ${width}px`);
    }
    expect(overflowing).toEqual([]);
    await page.context().close();
  });
});
