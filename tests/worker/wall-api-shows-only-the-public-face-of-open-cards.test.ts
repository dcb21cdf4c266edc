import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCard, createWall, type TestCard, type TestWall } from '../support/factories';

const get = (path: string) => exports.default.fetch(`http://shouwang.test${path}`);
const PUBLIC_CARD_KEYS = ['age', 'alias', 'category', 'code', 'gradeBand', 'sizeNote', 'status', 'wish'];
const CANARY = 'CANARY-handout-7f3a';
/** 24 open cards (one page of the wall), 6 claimed, 4 fulfilled, 4 drafts, 2 withdrawn. */
let wall: TestWall;
/** An open card whose coordinator-only values must never reach a public response. */
let canaryCard: TestCard;

beforeAll(async () => {
  wall = await createWall({ open: 23, claimed: 6, fulfilled: 4, draft: 4, withdrawn: 2 });
  canaryCard = await createCard({ campaignId: wall.campaign.id, alias: '小雨', handoutRef: CANARY, notes: `${CANARY}-note` });
  wall.cards.open.push(canaryCard);
});

describe('GET /api/cards', () => {
  it('lists the open cards of the campaign with their public face only', async () => {
    const res = await get('/api/cards');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { cards: Record<string, unknown>[]; progress: object; campaign: Record<string, unknown> };
    const open = wall.cards.open.map((c) => c.code);
    expect(body.cards.map((c) => c.code).sort()).toEqual(open.sort());
    for (const card of body.cards) expect(Object.keys(card).sort()).toEqual(PUBLIC_CARD_KEYS);
    expect(body.progress).toEqual({ total: 34, open: 24, claimed: 6, fulfilled: 4, schoolFulfilled: 0 });
    expect(body.campaign).not.toHaveProperty('id');
  });

  it('never carries coordinator-only fields or volunteers’ personal data', async () => {
    const text = await (await get('/api/cards')).text();
    expect(text).not.toContain(CANARY);
    for (const c of Object.values(wall.cards).flat()) expect(text).not.toContain(c.handoutRef);
    for (const v of wall.volunteers) {
      expect(text).not.toContain(v.name);
      expect(text).not.toContain(v.mobile);
    }
  });
});

describe('GET /api/cards/:code', () => {
  it('returns a card on the wall, whatever the case of the code', async () => {
    const res = await get(`/api/cards/${canaryCard.code.toLowerCase()}`);
    expect(res.status).toBe(200);
    const { card } = (await res.json()) as { card: Record<string, unknown> };
    expect(card).toMatchObject({ code: canaryCard.code, alias: '小雨', status: 'open' });
    expect(Object.keys(card).sort()).toEqual(PUBLIC_CARD_KEYS);
    expect(JSON.stringify(card)).not.toContain(CANARY);
  });

  it('does not show drafts or withdrawn cards', async () => {
    for (const status of ['draft', 'withdrawn'] as const) {
      const code = wall.cards[status][0]!.code;
      const res = await get(`/api/cards/${code}`);
      expect(res.status, status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'card_not_found', message: expect.any(String), fields: {} } });
    }
  });

  it('answers a malformed code with a structured 400', async () => {
    const res = await get(`/api/cards/${encodeURIComponent("1' OR '1'='1")}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields.code).toMatch(/心愿卡编号/);
  });
});

describe('the API’s edges', () => {
  it('answers an unknown route with a structured 404', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('sends the security headers on every response', async () => {
    const res = await get('/api/cards');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('same-origin');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });
});

describe('GET /api/cards filters and pages', () => {
  it('filters by category, grade band and age group, as the wall does', async () => {
    type Body = { cards: { category: string; gradeBand: string; age: number }[]; total: number; pages: number };
    const books = (await (await get('/api/cards?category=books')).json()) as Body;
    expect(books.cards.length).toBeGreaterThan(0);
    expect(books.cards.every((c) => c.category === 'books')).toBe(true);
    const young = (await (await get('/api/cards?age=3-6&gradeBand=lower_primary')).json()) as Body;
    expect(young.cards.length).toBeGreaterThan(0);
    expect(young.cards.every((c) => c.age <= 6 && c.gradeBand === 'lower_primary')).toBe(true);
    expect(young.total).toBe(young.cards.length);
  });

  it('pages the open cards and ignores unknown filter values rather than failing', async () => {
    const all = (await (await get('/api/cards')).json()) as { total: number; pages: number; page: number };
    expect(all).toMatchObject({ page: 1, pages: 1 }); // 24 open cards fill exactly one page of 24
    expect(all.total).toBe(24);
    const second = (await (await get('/api/cards?page=2')).json()) as { cards: unknown[] };
    expect(second.cards).toHaveLength(0);
    const odd = await get('/api/cards?category=cash&page=-1');
    expect(odd.status).toBe(200);
  });
});
