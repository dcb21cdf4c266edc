/**
 * Property-based: every JSON route, driven with generated hostile requests,
 * answers a 2xx or a structured 4xx (never a 5xx, never a stack trace or SQL),
 * and a refused request leaves the database exactly as it was.
 */
import fc from 'fast-check';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCanaryCampaign, type CanaryCampaign } from '../support/canary-campaign';
import { databaseDigest, unreadableTexts } from '../support/db-digest';
import { hostileJsonBody, INTERNALS, hostileQuery, hostileSegment, nearlyValid, type HostileBody } from '../support/hostile-values';
import { apiRoutes } from '../support/site-routes';
import { coordinator, ORIGIN, Visitor } from '../support/site-client';

let seeded: CanaryCampaign;
let admin: Visitor;
let samples: { code: string; claim: number; volunteer: number; contact: number; slug: string };

beforeAll(async () => {
  seeded = await seedCanaryCampaign();
  admin = await coordinator();
  const open = await env.DB.prepare("SELECT code FROM cards WHERE status = 'open' LIMIT 1").first<{ code: string }>();
  const contact = await env.DB.prepare('SELECT id FROM pairing_contacts WHERE pairing_id = ?').bind(seeded.e.pairingId).first<{ id: number }>();
  // A campaign of another school, started long ago, for the lifecycle routes: opening or closing it leaves the canary's wall as it is.
  const school = await env.DB.prepare("INSERT INTO schools (slug, name, town, address, office_phone) VALUES ('sweep-school', '扫描小学', '扫描镇', '扫描镇 1 号', '0000-5550100') RETURNING id").first<{ id: number }>();
  await env.DB.prepare("INSERT INTO campaigns (school_id, slug, name, starts_at, claim_deadline, dropoff_deadline, dropoff_place, value_guide, status) VALUES (?, 'sweep-2019', '旧活动', 1546300800000, 1549000000000, 1550000000000, '学校', '50 元', 'closed')").bind(school!.id).run();
  samples = { code: open!.code, claim: seeded.a.claimIds[0]!, volunteer: seeded.b.id, contact: contact!.id, slug: 'sweep-2019' };
});

/** Who calls a route: the coordinator for the console's API, volunteer A for the volunteer's. */
function caller(path: string): { who: Visitor; headers: Record<string, string> } {
  if (path.startsWith('/api/admin/') && !path.endsWith('/login')) return { who: admin, headers: {} };
  if (path.startsWith('/api/me/pairings')) return { who: new Visitor(), headers: { Authorization: `Bearer ${seeded.e.token}` } };
  if (path.startsWith('/api/claims') || path.includes('/claims') || path === '/api/me') return { who: new Visitor(), headers: { Authorization: `Bearer ${seeded.a.token}` } };
  return { who: new Visitor(), headers: { 'CF-Connecting-IP': `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } };
}

function fill(path: string, segment: string | null): string {
  return path
    .replace(':code', segment ?? samples.code)
    .replace(':slug', segment ?? samples.slug)
    .replace(':id', segment ?? String(path.includes('/pairings/contacts/') ? samples.contact : path.includes('pairings') ? seeded.e.pairingId : path.includes('volunteers') ? samples.volunteer : samples.claim));
}

async function expectStructuredAnswer(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBeLessThan(500);
  const text = await res.text();
  expect(text, what).not.toMatch(INTERNALS);
  if (res.status >= 400) {
    const body = JSON.parse(text) as { error: { code: unknown; message: unknown } };
    expect(typeof body.error.code, what).toBe('string');
    expect(typeof body.error.message, what).toBe('string');
  }
}

const CARD = { alias: '小雨', age: 9, gradeBand: 'middle_primary', category: 'books', wish: '想要一本字典。', sizeNote: '', handoutRef: 'REG-2026-77', consentOn: '2026-11-01', consentMethod: 'paper', notes: '' };
const SIGNUP = { name: '王测试', mobile: '13912340000', email: 'x@example.org', town: '青石镇', helpTypes: ['wish_cards'], availability: '周末', note: '', agreeCode: true, agreePrivacy: true };
const CAMPAIGN = { name: '冬季心愿', summary: '', startsOn: '2026-11-01', claimDeadline: '2027-01-10', dropoffDeadline: '2027-01-20', dropoffPlace: '学校传达室', valueGuide: '100 元以内', claimCap: 3, approveWithinDays: 7, deliverWithinDays: 14, villageNames: '' };

/** A valid body for each route that takes one, to mutate. */
function template(route: string): Record<string, unknown> | null {
  if (/\/api\/admin\/cards(\/:code)?$/.test(route)) return CARD;
  if (route.endsWith('/api/volunteers')) return SIGNUP;
  if (/\/api\/admin\/campaigns?(\/:slug)?$/.test(route)) return CAMPAIGN;
  if (route.endsWith('/thank-you')) return { thankYou: '谢谢大家。' };
  if (route.endsWith('/school-fulfil') || route.endsWith('/review/publish')) return { codes: [samples.code] };
  if (route.endsWith('/ask-changes')) return { note: '请改写' };
  if (route.endsWith('/login')) return { username: 'demo', password: 'not-the-password' };
  if (/\/(reject|withdraw)$/.test(route) && !route.includes('pairings')) return { reason: '信息不完整' };
  if (route === 'POST /api/me/pairings') return { kind: 'mentor', preferredGradeBand: '', frequency: 'monthly', agreeConduct: true };
  if (route.endsWith('/pairings/children')) return { registerRef: '2026-555', alias: '小草', gradeBand: 'lower_primary' };
  if (/\/contacts(\/:id\/correct)?$/.test(route)) return { on: '2026-11-20', kind: 'home_visit', minutes: 45, escort: 'teacher', callMe: false };
  if (route.endsWith('/safeguards')) return { consentOn: '2026-11-01', consentMethod: 'phone', recordCheckedOn: '2026-11-02' };
  if (route.endsWith('/propose')) return { child: 1 };
  if (route.endsWith('/end')) return { reason: 'term_over' };
  return null;
}

const writes = () => apiRoutes().filter((r) => !r.startsWith('GET ') && !r.endsWith('/logout'));
const reads = () => apiRoutes().filter((r) => r.startsWith('GET '));

describe('JSON routes under generated hostile requests', () => {
  it('covers every route that takes input', () => {
    expect(writes().length).toBeGreaterThanOrEqual(20);
    expect(reads().length).toBeGreaterThanOrEqual(15);
  });

  it.each(writes())('%s: a structured 4xx or a success, never a 5xx; a refusal writes nothing', async (route) => {
    const [method, path] = route.split(' ') as [string, string];
    const { who, headers } = caller(path);
    await fc.assert(
      fc.asyncProperty(template(route) ? fc.oneof(hostileJsonBody, nearlyValid(template(route)!)) : hostileJsonBody, fc.option(hostileSegment, { freq: 3 }), async (body: HostileBody, segment) => {
        const before = await databaseDigest();
        const res = await who.visit(fill(path, segment), {
          method,
          headers: { Origin: ORIGIN, ...(body.type ? { 'Content-Type': body.type } : {}), ...headers },
          body: body.body,
        });
        const status = res.status;
        await expectStructuredAnswer(res, `${route} ${String(body.body).slice(0, 80)}`);
        if (status >= 400) expect(await databaseDigest(), `${route} refused with ${status} but wrote`).toEqual(before);
      }),
      // 25 generated requests a route: with about 45 write routes the sweep stays near a minute on a 2-core machine.
      { numRuns: 25 },
    );
  });

  it('left every stored text readable: no broken character, no direction mark in a one-line field', async () => {
    expect(await unreadableTexts()).toEqual([]);
  });

  it.each(reads())('%s: any query string and path segment gets a 2xx or a structured 4xx', async (route) => {
    const path = route.split(' ')[1]!;
    const { who, headers } = caller(path);
    await fc.assert(
      fc.asyncProperty(hostileQuery, fc.option(hostileSegment, { freq: 3 }), async (query, segment) => {
        const res = await who.visit(`${fill(path, segment)}?${query}`, { headers });
        await expectStructuredAnswer(res, `${route}?${query.slice(0, 80)}`);
      }),
      // Reads change nothing: 15 hostile queries a route (about 45 routes) find a 5xx as surely as more would.
      { numRuns: 15 },
    );
  });
});
