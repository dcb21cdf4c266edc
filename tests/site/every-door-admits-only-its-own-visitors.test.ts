/**
 * Every door of the site, and who may pass it. The table must name every route
 * the code declares (a new page or endpoint without an entry fails the first
 * test), and each refusal is proved: the right status, and nothing written.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCanaryCampaign, type CanaryCampaign } from '../support/canary-campaign';
import { databaseDigest } from '../support/db-digest';
import { activePairingWithContact } from '../support/factories';
import { apiRoutes, pageRoutes } from '../support/site-routes';
import { coordinator, ORIGIN, Visitor, volunteerVisitor } from '../support/site-client';

/**
 * anyone: no sign-in needed. volunteer: a signed-in, not rejected volunteer.
 * owner: only the volunteer whose claim it is. coordinator: a console session.
 */
type Who = 'anyone' | 'volunteer' | 'owner' | 'coordinator';

const DOORS: Record<string, Who> = {
  // Published pages, the wall and the volunteer's way in.
  'GET /': 'anyone',
  'GET /404': 'anyone',
  'GET /500': 'anyone',
  'GET /appeal': 'anyone',
  'GET /letter': 'anyone',
  'GET /plan': 'anyone',
  'GET /privacy': 'anyone',
  'GET /news/': 'anyone',
  'GET /news/:id': 'anyone',
  'GET /campaigns/': 'anyone',
  'GET /campaigns/:slug': 'anyone',
  'GET /rss.xml': 'anyone',
  'GET /robots.txt': 'anyone',
  'GET /volunteer/': 'anyone',
  'POST /volunteer/': 'anyone',
  'GET /volunteer/code-of-conduct': 'anyone',
  'GET /volunteer/pairing-code-of-conduct': 'anyone',
  'GET /wall/': 'anyone',
  'GET /wall/:code': 'anyone',
  'POST /wall/:code': 'volunteer',
  'GET /v/:token': 'anyone',
  'GET /me': 'volunteer',
  'POST /me': 'owner',
  'GET /me/label/:id': 'owner',
  // The console.
  'GET /admin/login': 'anyone',
  'POST /admin/login': 'anyone',
  'GET /admin/logout': 'coordinator',
  'POST /admin/logout': 'coordinator',
  'GET /admin/': 'coordinator',
  'GET /admin/audit': 'coordinator',
  'GET /admin/campaign': 'coordinator',
  'POST /admin/campaign': 'coordinator',
  'GET /admin/cards/': 'coordinator',
  'GET /admin/cards/new': 'coordinator',
  'POST /admin/cards/new': 'coordinator',
  'GET /admin/cards/:code': 'coordinator',
  'POST /admin/cards/:code': 'coordinator',
  'GET /admin/wish-tree': 'coordinator',
  'GET /admin/campaigns/': 'coordinator',
  'GET /admin/campaigns/new': 'coordinator',
  'POST /admin/campaigns/new': 'coordinator',
  'GET /admin/campaigns/:slug': 'coordinator',
  'POST /admin/campaigns/:slug': 'coordinator',
  'GET /admin/review/': 'coordinator',
  'POST /admin/review/': 'coordinator',
  'GET /admin/review/bulk': 'coordinator',
  'POST /admin/review/bulk': 'coordinator',
  'GET /admin/claims/': 'coordinator',
  'GET /admin/claims/:id': 'coordinator',
  'POST /admin/claims/:id': 'coordinator',
  'GET /admin/volunteers/': 'coordinator',
  'GET /admin/volunteers/:id': 'coordinator',
  'POST /admin/volunteers/:id': 'coordinator',
  'GET /admin/pairings/': 'coordinator',
  'GET /admin/pairings/:id': 'coordinator',
  'POST /admin/pairings/:id': 'coordinator',
  'GET /admin/pairings/children': 'coordinator',
  'GET /admin/pairings/record': 'coordinator',
  'GET /admin/pairings/settings': 'coordinator',
  'POST /admin/pairings/settings': 'coordinator',
  'GET /admin/export/pairing-record.csv': 'coordinator',
  'GET /admin/export/pairing-record.xlsx': 'coordinator',
  'POST /admin/pairings/children': 'coordinator',
  'GET /admin/import/': 'coordinator',
  'POST /admin/import/': 'coordinator',
  'GET /admin/import/template.csv': 'coordinator',
  'GET /admin/import/template.xlsx': 'coordinator',
  'GET /admin/export/cards.csv': 'coordinator',
  'GET /admin/export/cards.xlsx': 'coordinator',
  'GET /admin/export/claims.csv': 'coordinator',
  'GET /admin/export/claims.xlsx': 'coordinator',
  'GET /admin/export/volunteers.csv': 'coordinator',
  'GET /admin/export/volunteers.xlsx': 'coordinator',
  // The public API.
  'GET /api/health': 'anyone',
  'GET /api/cards': 'anyone',
  'GET /api/cards/:code': 'anyone',
  'POST /api/volunteers': 'anyone',
  'GET /api/me': 'volunteer',
  'POST /api/cards/:code/claims': 'volunteer',
  'POST /api/claims/:id/cancel': 'owner',
  'POST /api/claims/:id/delivered': 'owner',
  'GET /api/me/pairings': 'volunteer',
  'POST /api/me/pairings': 'volunteer',
  'POST /api/me/pairings/:id/withdraw': 'owner',
  'POST /api/me/pairings/:id/contacts': 'owner',
  // The coordinators' API.
  'POST /api/admin/login': 'anyone',
  'POST /api/admin/logout': 'coordinator',
  'GET /api/admin/me': 'coordinator',
  'GET /api/admin/queues': 'coordinator',
  'GET /api/admin/audit': 'coordinator',
  'GET /api/admin/campaign': 'coordinator',
  'PUT /api/admin/campaign': 'coordinator',
  'GET /api/admin/cards': 'coordinator',
  'POST /api/admin/cards': 'coordinator',
  'GET /api/admin/cards/:code': 'coordinator',
  'PUT /api/admin/cards/:code': 'coordinator',
  'POST /api/admin/cards/:code/review': 'coordinator',
  'POST /api/admin/cards/:code/publish': 'coordinator',
  'POST /api/admin/cards/:code/privacy-dismissals': 'coordinator',
  'POST /api/admin/cards/:code/withdraw': 'coordinator',
  'GET /api/admin/claims': 'coordinator',
  'GET /api/admin/claims/export.csv': 'coordinator',
  'GET /api/admin/claims/export.xlsx': 'coordinator',
  'GET /api/admin/campaigns': 'coordinator',
  'POST /api/admin/campaigns': 'coordinator',
  'GET /api/admin/campaigns/:slug': 'coordinator',
  'PUT /api/admin/campaigns/:slug': 'coordinator',
  'POST /api/admin/campaigns/:slug/open': 'coordinator',
  'POST /api/admin/campaigns/:slug/close': 'coordinator',
  'POST /api/admin/campaigns/:slug/archive': 'coordinator',
  'PUT /api/admin/campaigns/:slug/thank-you': 'coordinator',
  'GET /api/admin/campaigns/:slug/leftovers': 'coordinator',
  'POST /api/admin/campaigns/:slug/school-fulfil': 'coordinator',
  'GET /api/admin/review': 'coordinator',
  'POST /api/admin/review/publish': 'coordinator',
  'POST /api/admin/review/:code/ask-changes': 'coordinator',
  'POST /api/admin/claims/:id/approve': 'coordinator',
  'POST /api/admin/claims/:id/reject': 'coordinator',
  'POST /api/admin/claims/:id/receive': 'coordinator',
  'GET /api/admin/volunteers': 'coordinator',
  'GET /api/admin/volunteers/export.csv': 'coordinator',
  'GET /api/admin/volunteers/export.xlsx': 'coordinator',
  'GET /api/admin/volunteers/:id': 'coordinator',
  'POST /api/admin/volunteers/:id/approve': 'coordinator',
  'POST /api/admin/volunteers/:id/reject': 'coordinator',
  'POST /api/admin/volunteers/:id/new-link': 'coordinator',
  'POST /api/admin/volunteers/:id/erase': 'coordinator',
  'POST /api/admin/import': 'coordinator',
  'POST /api/admin/import/preview': 'coordinator',
  'GET /api/admin/import/template.csv': 'coordinator',
  'GET /api/admin/import/template.xlsx': 'coordinator',
  'GET /api/admin/export/cards.csv': 'coordinator',
  'GET /api/admin/export/cards.xlsx': 'coordinator',
  'GET /api/admin/pairings': 'coordinator',
  'GET /api/admin/pairings/:id': 'coordinator',
  'GET /api/admin/pairings/children': 'coordinator',
  'POST /api/admin/pairings/children': 'coordinator',
  'POST /api/admin/pairings/:id/propose': 'coordinator',
  'POST /api/admin/pairings/:id/safeguards': 'coordinator',
  'POST /api/admin/pairings/:id/activate': 'coordinator',
  'POST /api/admin/pairings/:id/suspend': 'coordinator',
  'POST /api/admin/pairings/:id/resume': 'coordinator',
  'POST /api/admin/pairings/:id/end': 'coordinator',
  'POST /api/admin/pairings/:id/contacts': 'coordinator',
  'POST /api/admin/pairings/contacts/:id/correct': 'coordinator',
  'POST /api/admin/pairings/contacts/:id/call-handled': 'coordinator',
};

let seeded: CanaryCampaign;
/** A's own claim, B's claim, an open card, a pending volunteer, another volunteer's pairing and contact: the values routes are tried with. */
let sample: { ownClaim: number; othersClaim: number; openCode: string; volunteer: number; othersPairing: number; othersContact: number; slug: string };

beforeAll(async () => {
  seeded = await seedCanaryCampaign();
  const open = await env.DB.prepare("SELECT code FROM cards WHERE status = 'open' ORDER BY id LIMIT 1").first<{ code: string }>();
  // B's pending claim: the last one B made.
  const pairing = await activePairingWithContact();
  // A past campaign of its own school: its public record is the page behind /campaigns/:slug.
  const school = await env.DB.prepare("INSERT INTO schools (slug, name, town, address, office_phone) VALUES ('doors-school', '门禁小学', '门禁镇', '门禁镇 1 号', '0000-5550101') RETURNING id").first<{ id: number }>();
  const campaign = await env.DB.prepare("INSERT INTO campaigns (school_id, slug, name, starts_at, claim_deadline, dropoff_deadline, dropoff_place, value_guide, status) VALUES (?, 'doors-2019', '旧活动', 1546300800000, 1549000000000, 1550000000000, '学校', '50 元', 'archived') RETURNING slug").bind(school!.id).first<{ slug: string }>();
  sample = { ownClaim: seeded.a.claimIds[1]!, othersClaim: seeded.b.claimIds.at(-1)!, openCode: open!.code, volunteer: seeded.b.id, othersPairing: pairing.pairingId, othersContact: pairing.contactId, slug: campaign!.slug };
});

/** The address to try a route at: parameters filled in, pages at their served address. */
function address(route: string, claimId = sample.othersClaim): string {
  const path = route.split(' ')[1]!;
  const filled = path
    .replace(':code', sample.openCode)
    .replace(':slug', sample.slug)
    .replace(':token', 'not-a-private-link')
    .replace('/news/:id', '/news/')
    .replace(/:id/, path.includes('/pairings/contacts/') ? String(sample.othersContact) : path.includes('/pairings/') ? String(sample.othersPairing) : path.includes('volunteers') ? String(sample.volunteer) : String(claimId));
  // Prerendered pages are served as directories.
  return /^\/(appeal|letter|plan|privacy|volunteer\/(pairing-)?code-of-conduct)$/.test(filled) ? `${filled}/` : filled;
}

async function call(who: Visitor, route: string, extra: Record<string, string> = {}, claimId?: number): Promise<Response> {
  const method = route.split(' ')[0]!;
  const url = address(route, claimId);
  const isApi = url.startsWith('/api/');
  return who.visit(url, {
    method,
    headers: { Origin: ORIGIN, ...(method === 'GET' ? {} : { 'Content-Type': isApi ? 'application/json' : 'application/x-www-form-urlencoded' }), ...extra },
    ...(method === 'GET' ? {} : { body: isApi ? JSON.stringify({ reason: '测试' }) : new URLSearchParams({ _csrf: 'guess', _form: 'guess', claim: String(claimId ?? sample.othersClaim), _action: 'cancel' }).toString() }),
  });
}

/** A refusal: a console page sends the browser to the login page, everything else answers 401 or 403 (404 for another's record). */
function refused(route: string, res: Response, allowed: number[]): void {
  const path = route.split(' ')[1]!;
  if (path.startsWith('/admin/') && !path.startsWith('/admin/login')) {
    expect(res.status, route).toBe(303);
    expect(res.headers.get('Location'), route).toMatch(/^\/admin\/login\?next=/);
  } else {
    expect(allowed, `${route} answered ${res.status}`).toContain(res.status);
  }
}

describe('the table of doors', () => {
  it('names every route the site and the API declare, and nothing else', () => {
    expect(Object.keys(DOORS).sort()).toEqual([...pageRoutes(), ...apiRoutes()].sort());
  });
});

describe.each(Object.entries(DOORS).filter(([, who]) => who === 'coordinator'))('%s (coordinators only)', (route) => {
  it('refuses a stranger and a volunteer, and writes nothing', async () => {
    const before = await databaseDigest();
    refused(route, await call(new Visitor(), route), [401]);
    const a = await volunteerVisitor(seeded.a.token);
    refused(route, await call(a, route, { Authorization: `Bearer ${seeded.a.token}` }), [401]);
    expect(await databaseDigest()).toEqual(before);
  });
});

describe.each(Object.entries(DOORS).filter(([, who]) => who === 'volunteer'))('%s (volunteers only)', (route) => {
  it('refuses a stranger, and a rejected volunteer where it changes anything, and writes nothing', async () => {
    const before = await databaseDigest();
    refused(route, await call(new Visitor(), route), [401, 403]);
    if (route.startsWith('POST')) {
      const rejected = await volunteerVisitor(seeded.rejectedToken);
      refused(route, await call(rejected, route, { Authorization: `Bearer ${seeded.rejectedToken}` }), [403]);
    }
    expect(await databaseDigest()).toEqual(before);
  });
});

describe.each(Object.entries(DOORS).filter(([, who]) => who === 'owner'))('%s (the claim’s own volunteer only)', (route) => {
  it('refuses a stranger and another volunteer, and writes nothing', async () => {
    const before = await databaseDigest();
    refused(route, await call(new Visitor(), route), [401, 403, 404]);
    const a = await volunteerVisitor(seeded.a.token);
    // A tries B's claim; /me's form also needs A's own form token to get past CSRF, so it carries it.
    const me = await (await a.visit('/me')).text();
    const formToken = me.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const res = route === 'POST /me'
      ? await a.postForm('/me', { _csrf: formToken, claim: String(sample.othersClaim), _action: 'cancel' })
      : await call(a, route, { Authorization: `Bearer ${seeded.a.token}` });
    refused(route, res, [403, 404]);
    expect(await databaseDigest()).toEqual(before);
  });
});

// The owner's own changes (cancel, delivered) are proved in the claims tests; here, what the owner reads.
describe.each(Object.entries(DOORS).filter(([r, who]) => who === 'owner' && r.startsWith('GET')))('%s (the owner reads)', (route) => {
  it('lets the claim’s own volunteer through', async () => {
    const a = await volunteerVisitor(seeded.a.token);
    expect((await call(a, route, {}, sample.ownClaim)).status).toBe(200);
  });
});

describe.each(Object.entries(DOORS).filter(([r, who]) => who === 'anyone' && r.startsWith('GET')))('%s (anyone)', (route) => {
  it('opens without signing in', async () => {
    const res = await call(new Visitor(), route);
    // A made-up private link is a 404 and the error page says 500; every other public page answers.
    expect(res.status, route).toBe(route === 'GET /v/:token' ? 404 : route === 'GET /500' ? 500 : 200);
  });
});

describe('a coordinator', () => {
  it('passes the console’s doors', async () => {
    const admin = await coordinator();
    for (const route of Object.keys(DOORS).filter((r) => DOORS[r] === 'coordinator' && r.startsWith('GET ') && !r.includes('logout'))) {
      expect((await call(admin, route)).status, route).toBe(200);
    }
  });
});
