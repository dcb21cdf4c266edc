import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../support/demo/load-demo';
import { getDb } from '#worker/platform/db/client.ts';
import { runScheduledJobs } from '#worker/scheduled.ts';
import { adminFetch, coordinatorCookie, countRows } from '../support/api-client';

// Demo volunteers: 1 approved (2 live claims), 2 approved (3 live: at the cap), 3 pending, 4 rejected.
const TOKEN = (id: number) => `demo-volunteer-${id}-local-only`;
const claim = (code: string, volunteer: number) =>
  exports.default.fetch(`http://shouwang.test/api/cards/${code}/claims`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN(volunteer)}` },
    body: '{}',
  });
const step = (id: number, what: 'cancel' | 'delivered', volunteer: number) =>
  exports.default.fetch(`http://shouwang.test/api/claims/${id}/${what}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN(volunteer)}` },
    body: '{}',
  });
const cardStatus = async (code: string) => (await env.DB.prepare('SELECT status FROM cards WHERE code = ?').bind(code).first<{ status: string }>())!.status;
type ErrorBody = { error: { code: string; message: string } };
let cookie = '';

beforeAll(async () => {
  await loadDemo(getDb(env.DB));
  cookie = await coordinatorCookie();
});

describe('claiming a card', () => {
  it('creates a pending claim, marks the card claimed and audits it, in one go', async () => {
    const res = await claim('K7M3Q', 3);
    expect(res.status).toBe(201);
    const { claim: created } = (await res.json()) as { claim: { id: number } };
    expect(await cardStatus('K7M3Q')).toBe('claimed');
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'claim.create' AND subject_id = ?", created.id)).toBe(1);
    expect((await (await exports.default.fetch('http://shouwang.test/api/cards/K7M3Q')).json()) as object).toMatchObject({ card: { status: 'claimed' } });
  });

  it('lets exactly one of 50 simultaneous claims on a card win; the other 49 get card_unavailable', async () => {
    await env.DB.prepare("UPDATE campaigns SET claim_cap = 20").run();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => claim('P4RT8', i % 2 ? 1 : 3)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((r) => r.status === 409)) expect(((await r.json()) as ErrorBody).error.code).toBe('card_unavailable');
    expect(await countRows("SELECT count(*) AS n FROM claims c JOIN cards k ON k.id = c.card_id WHERE k.code = 'P4RT8'")).toBe(1);
    await env.DB.prepare("UPDATE campaigns SET claim_cap = 3").run();
  });

  it('holds a volunteer to the cap, even when their claims arrive at once', async () => {
    // Volunteer 1 has 2 live demo claims (+1 from the race above if they won it): cap 3.
    const live = await countRows("SELECT count(*) AS n FROM claims WHERE volunteer_id = 1 AND status IN ('pending','approved','delivered')");
    const results = await Promise.all(['W2HX6', 'N9CF5', 'B3YJ7', 'T6GD2', 'J9TQ2', 'D3XM5', 'U6PC8', 'E8RH3', 'V2JK7', 'S5DW9'].map((code) => claim(code, 1)));
    const won = results.filter((r) => r.status === 201).length;
    expect(live + won).toBe(3);
    for (const r of results.filter((r) => r.status === 409)) expect(((await r.json()) as ErrorBody).error.code).toBe('claim_limit');
    expect(await countRows("SELECT count(*) AS n FROM claims WHERE volunteer_id = 1 AND status IN ('pending','approved','delivered')")).toBe(3);
  });

  it('refuses a rejected volunteer, a closed campaign, no token and a draft card', async () => {
    expect((await claim('Q8VA4', 4)).status).toBe(403);
    expect((await claim('M4YH2', 3)).status).toBe(409);
    expect((await exports.default.fetch('http://shouwang.test/api/cards/Q8VA4/claims', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    await env.DB.prepare('UPDATE campaigns SET claim_deadline = ?').bind(Date.now() - 1000).run();
    const closed = await claim('Q8VA4', 3);
    expect(((await closed.json()) as ErrorBody).error.code).toBe('claims_closed');
    await env.DB.prepare('UPDATE campaigns SET claim_deadline = ?').bind(Date.now() + 30 * 86_400_000).run();
  });
});

describe('the claim’s life', () => {
  it('pending → approved (only for an approved volunteer) → delivered → received, and the card is fulfilled', async () => {
    const pendingVolunteersClaim = (await env.DB.prepare("SELECT c.id FROM claims c JOIN cards k ON k.id = c.card_id WHERE k.code = 'K7M3Q'").first<{ id: number }>())!.id;
    const notYet = await adminFetch(cookie, `/claims/${pendingVolunteersClaim}/approve`, 'POST', {});
    expect(((await notYet.json()) as ErrorBody).error.code).toBe('volunteer_not_approved');

    const res = await claim('H5KE9', 2 /* at cap */);
    expect(res.status).toBe(409);
    await env.DB.prepare("UPDATE campaigns SET claim_cap = 5").run();
    const { claim: c } = (await (await claim('H5KE9', 2)).json()) as { claim: { id: number } };
    expect((await step(c.id, 'delivered', 2)).status).toBe(409); // not approved yet
    expect((await adminFetch(cookie, `/claims/${c.id}/approve`, 'POST', {})).status).toBe(200);
    expect((await step(c.id, 'delivered', 1)).status).toBe(404); // not volunteer 1's claim
    expect((await step(c.id, 'delivered', 2)).status).toBe(200);
    expect((await adminFetch(cookie, `/claims/${c.id}/receive`, 'POST', {})).status).toBe(200);
    expect(await cardStatus('H5KE9')).toBe('fulfilled');
    const actions = (await env.DB.prepare("SELECT action FROM audit_log WHERE subject_kind = 'claim' AND subject_id = ? ORDER BY id").bind(c.id).all<{ action: string }>()).results.map((r) => r.action);
    expect(actions).toEqual(['claim.create', 'claim.approve', 'claim.deliver', 'claim.receive']);
  });

  it('a rejection or a cancellation puts the card back on the wall', async () => {
    const { claim: a } = (await (await claim('R2ZP3', 2)).json()) as { claim: { id: number } };
    expect((await adminFetch(cookie, `/claims/${a.id}/reject`, 'POST', { reason: '这张卡已经有人线下认领了' })).status).toBe(200);
    expect(await cardStatus('R2ZP3')).toBe('open');
    const { claim: b } = (await (await claim('R2ZP3', 2)).json()) as { claim: { id: number } };
    expect((await step(b.id, 'cancel', 2)).status).toBe(200);
    expect(await cardStatus('R2ZP3')).toBe('open');
    // Two steps at once on one claim: one wins, the other loses cleanly.
    const { claim: d } = (await (await claim('R2ZP3', 2)).json()) as { claim: { id: number } };
    const both = await Promise.all([step(d.id, 'cancel', 2), adminFetch(cookie, `/claims/${d.id}/approve`, 'POST', {})]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('every step refuses from a wrong state with 409 and writes nothing', async () => {
    const received = (await env.DB.prepare("SELECT c.id FROM claims c JOIN cards k ON k.id = c.card_id WHERE k.code = 'T2KA8'").first<{ id: number }>())!.id;
    const before = await countRows('SELECT count(*) AS n FROM audit_log');
    for (const path of ['approve', 'receive']) expect((await adminFetch(cookie, `/claims/${received}/${path}`, 'POST', {})).status, path).toBe(409);
    expect((await adminFetch(cookie, `/claims/${received}/reject`, 'POST', { reason: '迟了' })).status).toBe(409);
    for (const what of ['cancel', 'delivered'] as const) expect((await step(received, what, 1)).status, what).toBe(409);
    expect(await env.DB.prepare('SELECT status FROM claims WHERE id = ?').bind(received).first()).toEqual({ status: 'received' });
    expect(await countRows('SELECT count(*) AS n FROM audit_log')).toBe(before);
  });

  it('receive racing the expiry job leaves one consistent outcome', async () => {
    const { claim: r } = (await (await claim('G7BN4', 2)).json()) as { claim: { id: number } };
    await adminFetch(cookie, `/claims/${r.id}/approve`, 'POST', {});
    await env.DB.prepare('UPDATE claims SET approved_at = ? WHERE id = ?').bind(Date.now() - 60 * 86_400_000, r.id).run();
    const [received] = await Promise.all([adminFetch(cookie, `/claims/${r.id}/receive`, 'POST', {}), runScheduledJobs(env)]);
    const status = (await env.DB.prepare('SELECT status FROM claims WHERE id = ?').bind(r.id).first<{ status: string }>())!.status;
    const card = await cardStatus('G7BN4');
    if (received.status === 200) expect([status, card]).toEqual(['received', 'fulfilled']);
    else expect([status, card]).toEqual(['expired', 'open']);
  });

  it('the scheduled job expires exactly the overdue claims and reopens their cards', async () => {
    const { claim: e } = (await (await claim('M7WB8', 2)).json()) as { claim: { id: number } };
    const { claim: fresh } = (await (await claim('Z4HR7', 2)).json()) as { claim: { id: number } };
    await env.DB.prepare('UPDATE claims SET created_at = ? WHERE id = ?').bind(Date.now() - 10 * 86_400_000, e.id).run();
    const before = (await env.DB.prepare("SELECT id FROM claims WHERE status = 'expired'").all<{ id: number }>()).results.map((r) => r.id);
    await runScheduledJobs(env);
    const after = (await env.DB.prepare("SELECT id FROM claims WHERE status = 'expired'").all<{ id: number }>()).results.map((r) => r.id);
    expect(after.filter((id) => !before.includes(id))).toContain(e.id);
    expect(after).not.toContain(fresh.id);
    expect(await cardStatus('M7WB8')).toBe('open');
    expect(await cardStatus('Z4HR7')).toBe('claimed');
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'claim.expire'")).toBeGreaterThanOrEqual(1);
  });
});

describe('claims for coordinators', () => {
  it('lists a queue and exports claims as CSV, audited', async () => {
    const list = (await (await adminFetch(cookie, '/claims?queue=awaiting_confirmation')).json()) as { claims: { status: string; volunteerName: string }[] };
    expect(list.claims.length).toBeGreaterThan(0);
    expect(list.claims.every((c) => c.status === 'delivered')).toBe(true);
    expect((await adminFetch(cookie, '/claims?queue=nonsense')).status).toBe(400);
    const res = await adminFetch(cookie, '/claims/export.csv?queue=all');
    expect(res.headers.get('Content-Disposition')).toContain('attachment');
    expect((await res.text()).split('\r\n')[0]).toBe('认领编号,心愿卡,称呼,志愿者,手机,状态,认领日期,批准日期,送达日期,确认收到日期,拒绝原因');
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'export' AND detail LIKE '%claims%'")).toBe(1);
  });
});
