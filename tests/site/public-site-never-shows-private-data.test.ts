/**
 * The whole public site, crawled without a session and then as one volunteer,
 * must never carry a coordinator-only field or another person's data. New pages
 * are covered because the crawl starts from the sitemap and follows every link,
 * and every API route is read from the app itself.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '#worker/api/index.ts';
import { seedCanaryCampaign, type CanaryCampaign } from '../support/canary-campaign';
import { crawl, leaks, type Answer } from '../support/crawl';
import { wholeDatabaseText } from '../support/db-digest';
import { searchMetaProblems, siteOrigin } from '../support/page-meta';
import { coordinator, ORIGIN, Visitor, volunteerVisitor } from '../support/site-client';

let seeded: CanaryCampaign;

beforeAll(async () => {
  seeded = await seedCanaryCampaign();
});

/** Every API route a visitor can call, with its parameters filled from the seeded data. */
async function apiRequests(): Promise<{ method: string; path: string }[]> {
  const { results } = await env.DB.prepare('SELECT id FROM claims UNION SELECT id FROM volunteers').all<{ id: number }>();
  const ids = [...new Set([...results.map((r) => String(r.id)), '0', '999999', 'abc'])];
  const out: { method: string; path: string }[] = [];
  for (const r of api.routes) {
    if (r.method === 'ALL' && r.path.endsWith('*')) continue;
    const fills = r.path.includes(':code') ? [...seeded.cardCodes, 'ZZZZZ', '%00'] : r.path.includes(':id') ? ids : [''];
    for (const fill of fills) out.push({ method: r.method === 'ALL' ? 'GET' : r.method, path: `/api${r.path.replace(/:(code|id)/, fill)}`.replace(/\/$/, '') || '/api' });
  }
  return out;
}

/** Bad requests a stranger might send: their answers must not leak either. */
const BAD_REQUESTS: { method: string; path: string; body?: string; type?: string }[] = [
  { method: 'GET', path: '/api/cards?category=<script>&age=999&page=-1' },
  { method: 'GET', path: '/api/cards?page=99999' },
  { method: 'GET', path: '/wall/?category=%FF%FE&page=abc' },
  { method: 'GET', path: "/wall/'%20OR%201=1--" },
  { method: 'GET', path: '/v/not-a-real-token' },
  { method: 'GET', path: '/no-such-page' },
  { method: 'GET', path: '/api/no-such-route' },
  { method: 'POST', path: '/api/volunteers', body: '{"name":', type: 'application/json' },
  { method: 'POST', path: '/api/volunteers', body: '{}', type: 'application/json' },
  { method: 'POST', path: '/api/volunteers', body: 'name=x', type: 'application/x-www-form-urlencoded' },
  { method: 'POST', path: '/volunteer/', body: 'name=%00&mobile=1', type: 'application/x-www-form-urlencoded' },
  { method: 'POST', path: '/me', body: 'action=cancel&claim=1', type: 'application/x-www-form-urlencoded' },
  { method: 'POST', path: '/admin/login', body: 'username=demo&password=x', type: 'application/x-www-form-urlencoded' },
  { method: 'POST', path: '/api/admin/login', body: '{"username":"demo","password":"wrong"}', type: 'application/json' },
  { method: 'DELETE', path: '/api/cards' },
];

async function answer(who: Visitor, r: { method: string; path: string; body?: string; type?: string }, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await who.visit(r.path, {
    method: r.method,
    headers: { Origin: ORIGIN, ...(r.type ? { 'Content-Type': r.type } : r.method === 'GET' ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(r.method === 'GET' || r.method === 'HEAD' ? {} : { body: r.body ?? '{}' }),
  });
  return { path: `${r.method} ${r.path}`, status: res.status, text: [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n') + '\n\n' + (await res.text()) };
}

/** Where a crawl begins: the sitemap, the feed, the wall, every card page, the error pages. */
function startingPoints(): string[] {
  return ['/', '/sitemap-index.xml', '/rss.xml', '/wall/', '/me', '/admin/', '/404', '/500', ...seeded.cardCodes.map((c) => `/wall/${c}`)];
}

describe('the public site, crawled without a session', () => {
  let answers: Answer[] = [];

  beforeAll(async () => {
    const stranger = new Visitor();
    answers = await crawl(stranger, startingPoints());
    for (const r of await apiRequests()) answers.push(await answer(stranger, r));
    for (const r of BAD_REQUESTS) answers.push(await answer(stranger, r));
  });

  it('reaches every kind of public page and every API route', () => {
    const paths = answers.map((a) => a.path);
    for (const expected of ['/', '/plan/', '/letter/', '/appeal/', '/news/', '/volunteer/', '/privacy/', '/rss.xml', '/wall/?category=books', '/wall/?gradeBand=lower_primary']) {
      expect(paths).toContain(expected);
    }
    const open = answers.filter((a) => a.path.startsWith('/wall/') && a.status === 200 && !a.path.includes('?')).length;
    expect(open).toBeGreaterThan(24);
    expect(answers.length).toBeGreaterThan(300);
    console.info(`public sweep: ${answers.length} requests (${new Set(answers.map((a) => a.path.split('?')[0])).size} distinct paths)`);
  });

  it('answers nothing with a server error (but the error page itself)', () => {
    expect(answers.filter((a) => a.status >= 500 && a.path !== '/500').map((a) => `${a.status} ${a.path}`)).toEqual([]);
  });

  it('carries no coordinator-only card field, no refused spreadsheet value and no volunteer data anywhere', () => {
    const secrets = [...seeded.cardSecrets, ...seeded.refusedImport, ...seeded.a.secrets, ...seeded.b.secrets, ...seeded.others, ...seeded.sessionSecrets, ...seeded.pairingSecrets, ...seeded.e.secrets];
    expect(secrets.length).toBeGreaterThan(40);
    console.info(`public sweep: ${secrets.length} canaries searched for`);
    expect(leaks(answers, secrets)).toEqual([]);
  });

  it('marks every private page and refusal noindex with no canonical or og:url, and gives every public page its canonical address', async () => {
    const origin = await siteOrigin();
    expect(answers.flatMap((a) => searchMetaProblems(a, origin))).toEqual([]);
  });

  it('shows the withdrawn and draft cards to nobody', () => {
    const hidden = answers.filter((a) => /CNRY/.test(a.text) || (a.status === 200 && /星(draft|withdrawn)/.test(a.text)));
    expect(hidden.map((a) => a.path)).toEqual([]);
  });
});

describe('the site as volunteer A', () => {
  let answers: Answer[] = [];

  beforeAll(async () => {
    const a = await volunteerVisitor(seeded.a.token);
    answers = await crawl(a, [...startingPoints(), '/me', ...[...seeded.a.claimIds, ...seeded.b.claimIds].map((id) => `/me/label/${id}`)]);
    // A tries B's claims through the API and the private page, and B's private link itself.
    const bearer = { Authorization: `Bearer ${seeded.a.token}` };
    answers.push(await answer(a, { method: 'GET', path: '/api/me' }, bearer));
    for (const id of seeded.b.claimIds) {
      answers.push(await answer(a, { method: 'POST', path: `/api/claims/${id}/cancel` }, bearer));
      answers.push(await answer(a, { method: 'POST', path: `/api/claims/${id}/delivered` }, bearer));
    }
    for (const r of await apiRequests()) answers.push(await answer(a, r, bearer));
    // A reads their own pairings and tries E's.
    answers.push(await answer(a, { method: 'GET', path: '/api/me/pairings' }, bearer));
    for (const step of ['withdraw', 'contacts']) answers.push(await answer(a, { method: 'POST', path: `/api/me/pairings/${seeded.e.pairingId}/${step}` }, bearer));
  });

  it('sees their own sign-up and claims', () => {
    const me = answers.find((x) => x.path === '/me')!;
    expect(me.status).toBe(200);
    // Each own claim offers its next step: the label, "delivered", or "取消认领" (which asks first, at /me?cancel=<id>).
    for (const id of seeded.a.claimIds) expect(me.text).toMatch(new RegExp(`/me/label/${id}"|name="claim" value="${id}"|/me\\?cancel=${id}"`));
    expect(answers.filter((x) => x.path.startsWith('/me/label/') && x.status === 200).length).toBeGreaterThan(0);
  });

  it('never sees anything of volunteer B or the other volunteers, nor a coordinator-only field', () => {
    const secrets = [...seeded.b.secrets, ...seeded.others, ...seeded.cardSecrets, ...seeded.refusedImport, ...seeded.sessionSecrets, ...seeded.pairingSecrets, ...seeded.e.secrets];
    expect(leaks(answers, secrets)).toEqual([]);
    console.info(`volunteer sweep: ${answers.length} requests, ${secrets.length} canaries searched for`);
    expect(answers.filter((x) => x.status >= 500 && x.path !== '/500').map((x) => x.path)).toEqual([]);
  });

  it('finds their own pages and labels marked noindex, with no canonical address or og:url', async () => {
    const origin = await siteOrigin();
    expect(answers.filter((a) => a.path.startsWith('/me')).length).toBeGreaterThan(2);
    expect(answers.flatMap((a) => searchMetaProblems(a, origin))).toEqual([]);
  });

  it('cannot act on or print the labels of B’s claims', () => {
    for (const id of seeded.b.claimIds) {
      expect(answers.find((x) => x.path === `/me/label/${id}`)?.status).toBe(404);
      expect(answers.find((x) => x.path === `POST /api/claims/${id}/cancel`)?.status).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('the canaries are real', () => {
  it('the coordinator’s console does show them, so their absence elsewhere means something', async () => {
    const admin = await coordinator();
    const volunteerPage = await (await admin.visit(`/admin/volunteers/${seeded.b.id}`)).text();
    for (const secret of seeded.b.secrets.slice(0, 3)) expect(volunteerPage).toContain(secret);
    const cards = await (await admin.visit('/api/admin/cards?status=withdrawn')).text();
    expect(cards + (await (await admin.visit('/api/admin/export/cards.csv')).text())).toContain(seeded.cardSecrets[0]);
    const pairings = await (await admin.visit(`/api/admin/pairings/${seeded.e.pairingId}`)).text();
    for (const secret of [...seeded.pairingSecrets, '禾苗']) expect(pairings).toContain(secret);
    // And E, on their own page's API, sees the child's alias but not the register reference.
    const mine = await (await new Visitor().visit('/api/me/pairings', { headers: { Authorization: `Bearer ${seeded.e.token}` } })).text();
    expect(mine).toContain('禾苗');
    expect(mine).not.toContain(seeded.pairingSecrets[0]);
  });
});

describe('a spreadsheet with children’s names, classes and guardians’ phones', () => {
  it('is refused whole: none of its values is anywhere in the database', async () => {
    const everything = await wholeDatabaseText();
    expect(everything).toContain(seeded.cardSecrets[0]); // the search does see stored values
    for (const value of seeded.refusedImport) expect(everything).not.toContain(value);
  });
});
