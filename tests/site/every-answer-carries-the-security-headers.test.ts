/**
 * The headers every kind of answer carries: a strict Content-Security-Policy,
 * no sniffing, no framing, a Referrer-Policy that keeps private links private,
 * a Permissions-Policy that switches off every powerful feature, no-store and
 * noindex on private and console pages (and no canonical address or og:url a
 * share card could carry); a canonical address on public pages; robots.txt;
 * no inline or third-party script in any page; and errors that never show a
 * stack trace or SQL.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCanaryCampaign, type CanaryCampaign } from '../support/canary-campaign';
import { INTERNALS } from '../support/hostile-values';
import { searchMetaProblems, siteOrigin } from '../support/page-meta';
import { coordinator, ORIGIN, visit, Visitor, volunteerVisitor } from '../support/site-client';

let seeded: CanaryCampaign;
let admin: Visitor;
let volunteer: Visitor;
let openCode: string;
let origin: string;

beforeAll(async () => {
  seeded = await seedCanaryCampaign();
  admin = await coordinator();
  volunteer = await volunteerVisitor(seeded.a.token);
  openCode = (await env.DB.prepare("SELECT code FROM cards WHERE status = 'open' LIMIT 1").first<{ code: string }>())!.code;
  origin = await siteOrigin();
});

type Kind = 'public' | 'private' | 'console';

/** One request of every kind of answer the site gives. */
function cases(): { name: string; kind: Kind; who: () => Visitor | null; path: () => string; init?: () => RequestInit }[] {
  return [
    { name: 'content page (prerendered)', kind: 'public', who: () => null, path: () => '/plan/' },
    { name: 'home page', kind: 'public', who: () => null, path: () => '/' },
    { name: 'wish wall (on demand)', kind: 'public', who: () => null, path: () => '/wall/?category=books' },
    { name: 'card page', kind: 'public', who: () => null, path: () => `/wall/${openCode}` },
    { name: 'sign-up form', kind: 'public', who: () => null, path: () => '/volunteer/' },
    { name: 'RSS feed', kind: 'public', who: () => null, path: () => '/rss.xml' },
    { name: 'sitemap', kind: 'public', who: () => null, path: () => '/sitemap-index.xml' },
    { name: 'robots.txt', kind: 'public', who: () => null, path: () => '/robots.txt' },
    { name: 'news page', kind: 'public', who: () => null, path: () => '/news/' },
    { name: 'page not found', kind: 'public', who: () => null, path: () => '/no-such-page' },
    { name: 'public API', kind: 'public', who: () => null, path: () => '/api/cards' },
    { name: 'API not found', kind: 'public', who: () => null, path: () => '/api/nothing' },
    { name: 'API refusal', kind: 'public', who: () => null, path: () => '/api/admin/cards' },
    { name: 'API bad request', kind: 'public', who: () => null, path: () => '/api/volunteers', init: () => ({ method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: '{' }) },
    { name: 'private link page', kind: 'private', who: () => null, path: () => `/v/${seeded.b.token}` },
    { name: 'private link that no longer works', kind: 'private', who: () => null, path: () => '/v/not-a-private-link' },
    { name: "volunteer's page", kind: 'private', who: () => volunteer, path: () => '/me' },
    { name: "volunteer's page without a session", kind: 'private', who: () => null, path: () => '/me' },
    { name: 'gift label', kind: 'private', who: () => volunteer, path: () => `/me/label/${seeded.a.claimIds[1]}` },
    { name: "another volunteer's gift label", kind: 'private', who: () => volunteer, path: () => `/me/label/${seeded.b.claimIds[0]}` },
    { name: "volunteer's API", kind: 'private', who: () => volunteer, path: () => '/api/me', init: () => ({ headers: { Authorization: `Bearer ${seeded.a.token}` } }) },
    { name: 'login page', kind: 'console', who: () => null, path: () => '/admin/login' },
    { name: 'console redirect to login', kind: 'console', who: () => null, path: () => '/admin/cards/' },
    { name: 'console page', kind: 'console', who: () => admin, path: () => '/admin/volunteers/' },
    { name: "console page of one volunteer", kind: 'console', who: () => admin, path: () => `/admin/volunteers/${seeded.b.id}` },
    { name: 'console CSV export', kind: 'console', who: () => admin, path: () => '/admin/export/volunteers.csv' },
    { name: 'console .xlsx export', kind: 'console', who: () => admin, path: () => '/admin/export/volunteers.xlsx' },
    { name: 'console API .xlsx export', kind: 'console', who: () => admin, path: () => '/api/admin/claims/export.xlsx' },
    { name: 'console API', kind: 'console', who: () => admin, path: () => `/api/admin/volunteers/${seeded.b.id}` },
  ];
}

function checkHeaders(name: string, kind: Kind, res: Response, path: string): void {
  const h = res.headers;
  const csp = h.get('Content-Security-Policy') ?? '';
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['default-src'], name).toEqual(["'self'"]);
  expect(directives['script-src'], name).toEqual(["'self'"]);
  expect(directives['frame-ancestors'], name).toEqual(["'none'"]);
  expect(directives['object-src'], name).toEqual(["'none'"]);
  expect(directives['base-uri'], name).toEqual(["'self'"]);
  expect(directives['form-action'], name).toEqual(["'self'"]);
  // No other origin anywhere in the policy: everything is self-served.
  expect(csp, name).not.toMatch(/https?:|\*|'unsafe-eval'/);
  expect(directives['script-src'], name).not.toContain("'unsafe-inline'");
  expect(h.get('X-Content-Type-Options'), name).toBe('nosniff');
  expect(h.get('X-Frame-Options'), name).toBe('DENY');
  expect(['same-origin', 'no-referrer'], name).toContain(h.get('Referrer-Policy'));
  if (kind !== 'public') expect(h.get('Cache-Control'), name).toMatch(/no-store/);
  // Every powerful feature is off: each one the site might be asked for is named, and none is allowed.
  const permissions = (h.get('Permissions-Policy') ?? '').split(',').map((d) => d.trim());
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid', 'interest-cohort', 'browsing-topics', 'display-capture']) {
    expect(permissions, `${name}: ${feature}`).toContain(`${feature}=()`);
  }
  expect(permissions.filter((d) => !/^[a-z-]+=\(\)$/.test(d)), name).toEqual([]);
  // Private pages, the console and the API are never indexed, even when someone links to them.
  const hidden = kind !== 'public' || path.startsWith('/api/');
  expect(h.get('X-Robots-Tag'), name).toBe(hidden ? 'noindex, nofollow' : null);
  if (/text\/html/.test(h.get('Content-Type') ?? '') && kind === 'public') expect(h.get('Cache-Control'), name).toMatch(/no-cache|no-store|max-age/);
}

describe('every kind of answer', () => {
  it.each(cases().map((c) => [c.name, c] as const))('%s: carries the security headers', async (_name, c) => {
    const who = c.who();
    const res = who ? await who.visit(c.path(), c.init?.()) : await visit(c.path(), c.init?.());
    expect(res.status, c.name).toBeLessThan(500);
    checkHeaders(c.name, c.kind, res, c.path());
    const body = await res.text();
    const text = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n') + '\n\n' + body;
    expect(searchMetaProblems({ path: c.path(), status: res.status, text }, origin), c.name).toEqual([]);
    if (/html/.test(res.headers.get('Content-Type') ?? '')) {
      // No inline script and no script, style or image from another origin.
      expect(body, c.name).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(body, c.name).not.toMatch(/\son[a-z]+\s*=\s*["']/i);
      expect(body, c.name).not.toMatch(/<(?:script|img|iframe|audio|video|source)\b[^>]*\ssrc="(?:https?:)?\/\//i);
      expect(body, c.name).not.toMatch(/<link\b(?=[^>]*rel="(?:stylesheet|preload|modulepreload|icon|manifest)")[^>]*href="(?:https?:)?\/\//i);
    }
  });

  it('the private link keeps its token out of every Referer', async () => {
    const res = await visit(`/v/${seeded.b.token}`);
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('the private link keeps its token out of the page’s head, where share cards and search engines read', async () => {
    const html = await (await visit(`/v/${seeded.b.token}`)).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toMatch(/<title>/);
    expect(head).not.toContain(seeded.b.token);
    // The page still shows the volunteer their own link to keep.
    expect(html.slice(head.length)).toContain(seeded.b.token);
  });

  it('over HTTPS, asks browsers to stay on HTTPS', async () => {
    const res = await visit('https://shouwang.test/');
    expect(res.headers.get('Strict-Transport-Security')).toMatch(/max-age=\d{7,}/);
  });
});

describe('when the database fails', () => {
  it('pages and API answer a plain 500 with the headers, never a stack trace, SQL or table name', async () => {
    // Break the database under the running Worker: the cards table disappears for a moment.
    await env.DB.exec('ALTER TABLE cards RENAME TO cards_elsewhere');
    try {
      for (const [who, path] of [[null, '/wall/'], [null, `/wall/${openCode}`], [null, '/api/cards'], [admin, '/admin/cards/'], [admin, '/api/admin/cards']] as const) {
        const res = who ? await who.visit(path) : await visit(path);
        const body = await res.text();
        expect(res.status, path).toBe(500);
        checkHeaders(path, path.includes('admin') ? 'console' : 'public', res, path);
        expect(body, path).not.toMatch(INTERNALS);
        expect(body, path).not.toMatch(/cards_elsewhere|D1|sqlite|Error:/i);
        expect(body, path).toMatch(/出了点问题|出错/);
      }
    } finally {
      await env.DB.exec('ALTER TABLE cards_elsewhere RENAME TO cards');
    }
  });
});

describe('robots.txt', () => {
  /** RFC 9309 prefix matching, for the rules this file uses (Disallow lines only). */
  const disallowed = (rules: string[], path: string) => rules.some((rule) => path.startsWith(rule));

  it('keeps crawlers out of every private kind of page and the API, and names the sitemap by its full address', async () => {
    const res = await visit('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain/);
    const lines = (await res.text()).split('\n');
    expect(lines[0]).toBe('User-agent: *');
    const rules = lines.filter((l) => l.startsWith('Disallow:')).map((l) => l.slice('Disallow:'.length).trim());
    for (const path of [`/v/${seeded.b.token}`, '/me', `/me/label/${seeded.a.claimIds[1]}`, '/admin', '/admin/', '/admin/login', '/api/cards', '/api/admin/volunteers']) {
      expect(disallowed(rules, path), path).toBe(true);
    }
    expect(lines).toContain(`Sitemap: ${origin}/sitemap-index.xml`);
    expect((await visit(new URL(`${origin}/sitemap-index.xml`).pathname)).status).toBe(200);
  });

  it('leaves every address of the sitemap open to crawlers', async () => {
    const rules = (await (await visit('/robots.txt')).text()).split('\n').filter((l) => l.startsWith('Disallow:')).map((l) => l.slice(9).trim());
    const index = await (await visit('/sitemap-index.xml')).text();
    const pages: string[] = [];
    for (const [, sitemap] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const xml = await (await visit(new URL(sitemap!).pathname)).text();
      for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) pages.push(new URL(loc!).pathname);
    }
    expect(pages).toContain('/volunteer/');
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.filter((p) => disallowed(rules, p))).toEqual([]);
  });
});
