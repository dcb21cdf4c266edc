import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScheduledJobs } from '#worker/scheduled.ts';
import { adminFetch, coordinatorCookie, countRows } from '../support/api-client';
import { createCampaign, createCard, createClaim, createVolunteer, DAY, type TestVolunteer } from '../support/factories';

const claim = (code: string, volunteer: TestVolunteer) =>
  exports.default.fetch(`http://shouwang.test/api/cards/${code}/claims`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${volunteer.token}` },
    body: '{}',
  });
const step = (id: number, what: 'cancel' | 'delivered', volunteer: TestVolunteer) =>
  exports.default.fetch(`http://shouwang.test/api/claims/${id}/${what}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${volunteer.token}` },
    body: '{}',
  });
const cardStatus = async (code: string) => (await env.DB.prepare('SELECT status FROM cards WHERE code = ?').bind(code).first<{ status: string }>())!.status;
type ErrorBody = { error: { code: string; message: string } };
let cookie = '';
/** Campaigns made for one test start earlier than this file's own, so that one stays the current campaign. */
const background = { startsAt: new Date(Date.now() - 20 * DAY) };

beforeAll(async () => {
  // The current campaign, open for claims with a cap of 3 live claims per volunteer.
  await createCampaign({ claimCap: 3 });
  cookie = await coordinatorCookie();
});

describe('claiming a card', () => {
  it('creates a pending claim, marks the card claimed and audits it, in one go', async () => {
    const card = await createCard();
    const res = await claim(card.code, await createVolunteer({ status: 'pending' }));
    expect(res.status).toBe(201);
    const { claim: created } = (await res.json()) as { claim: { id: number } };
    expect(await cardStatus(card.code)).toBe('claimed');
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'claim.create' AND subject_id = ?", created.id)).toBe(1);
    expect((await (await exports.default.fetch(`http://shouwang.test/api/cards/${card.code}`)).json()) as object).toMatchObject({ card: { status: 'claimed' } });
  });

  it('lets exactly one of 50 simultaneous claims on a card win; the other 49 get card_unavailable', async () => {
    // A campaign whose cap is far away, so only the card is fought over; both volunteers already hold two claims.
    const roomy = await createCampaign({ ...background, claimCap: 20 });
    const card = await createCard({ campaignId: roomy.id });
    const racers = [await createVolunteer(), await createVolunteer({ status: 'pending' })];
    for (const v of racers) for (const status of ['pending', 'approved'] as const) await createClaim({ status, volunteer: v });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => claim(card.code, racers[i % 2]!)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((r) => r.status === 409)) expect(((await r.json()) as ErrorBody).error.code).toBe('card_unavailable');
    expect(await countRows('SELECT count(*) AS n FROM claims c JOIN cards k ON k.id = c.card_id WHERE k.code = ?', card.code)).toBe(1);
  });

  it('holds a volunteer to the cap, even when their claims arrive at once', async () => {
    // Two live claims already; the current campaign's cap is 3.
    const volunteer = await createVolunteer();
    for (const status of ['pending', 'approved'] as const) await createClaim({ status, volunteer });
    const live = await countRows("SELECT count(*) AS n FROM claims WHERE volunteer_id = ? AND status IN ('pending','approved','delivered')", volunteer.id);
    const cards = await Promise.all(Array.from({ length: 10 }, () => createCard()));
    const results = await Promise.all(cards.map((card) => claim(card.code, volunteer)));
    const won = results.filter((r) => r.status === 201).length;
    expect(live + won).toBe(3);
    for (const r of results.filter((r) => r.status === 409)) expect(((await r.json()) as ErrorBody).error.code).toBe('claim_limit');
    expect(await countRows("SELECT count(*) AS n FROM claims WHERE volunteer_id = ? AND status IN ('pending','approved','delivered')", volunteer.id)).toBe(3);
  });

  it('refuses a rejected volunteer, a closed campaign, no token and a draft card', async () => {
    const open = await createCard();
    const draft = await createCard({ status: 'draft' });
    const pending = await createVolunteer({ status: 'pending' });
    expect((await claim(open.code, await createVolunteer({ status: 'rejected' }))).status).toBe(403);
    expect((await claim(draft.code, pending)).status).toBe(409);
    expect((await exports.default.fetch(`http://shouwang.test/api/cards/${open.code}/claims`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    // A campaign whose claim deadline passed a second ago.
    const over = await createCampaign({ ...background, claimDeadline: new Date(Date.now() - 1000), dropoffDeadline: new Date(Date.now() + 10 * DAY) });
    const closed = await claim((await createCard({ campaignId: over.id })).code, pending);
    expect(((await closed.json()) as ErrorBody).error.code).toBe('claims_closed');
  });
});

describe('the claim’s life', () => {
  it('pending → approved (only for an approved volunteer) → delivered → received, and the card is fulfilled', async () => {
    const pendingVolunteersClaim = await createClaim({ status: 'pending', volunteer: await createVolunteer({ status: 'pending' }) });
    const notYet = await adminFetch(cookie, `/claims/${pendingVolunteersClaim.id}/approve`, 'POST', {});
    expect(((await notYet.json()) as ErrorBody).error.code).toBe('volunteer_not_approved');

    // A volunteer at the cap of 3, and a card of a campaign of its own whose cap is then raised to 5.
    const volunteer = await createVolunteer();
    for (const status of ['pending', 'approved', 'delivered'] as const) await createClaim({ status, volunteer });
    const campaign = await createCampaign({ ...background, claimCap: 3 });
    const card = await createCard({ campaignId: campaign.id });
    const res = await claim(card.code, volunteer /* at cap */);
    expect(res.status).toBe(409);
    await env.DB.prepare('UPDATE campaigns SET claim_cap = 5 WHERE id = ?').bind(campaign.id).run();
    const { claim: c } = (await (await claim(card.code, volunteer)).json()) as { claim: { id: number } };
    expect((await step(c.id, 'delivered', volunteer)).status).toBe(409); // not approved yet
    expect((await adminFetch(cookie, `/claims/${c.id}/approve`, 'POST', {})).status).toBe(200);
    expect((await step(c.id, 'delivered', await createVolunteer())).status).toBe(404); // not the other volunteer's claim
    expect((await step(c.id, 'delivered', volunteer)).status).toBe(200);
    expect((await adminFetch(cookie, `/claims/${c.id}/receive`, 'POST', {})).status).toBe(200);
    expect(await cardStatus(card.code)).toBe('fulfilled');
    const actions = (await env.DB.prepare("SELECT action FROM audit_log WHERE subject_kind = 'claim' AND subject_id = ? ORDER BY id").bind(c.id).all<{ action: string }>()).results.map((r) => r.action);
    expect(actions).toEqual(['claim.create', 'claim.approve', 'claim.deliver', 'claim.receive']);
  });

  it('a rejection or a cancellation puts the card back on the wall', async () => {
    const card = await createCard();
    const volunteer = await createVolunteer();
    const { claim: a } = (await (await claim(card.code, volunteer)).json()) as { claim: { id: number } };
    expect((await adminFetch(cookie, `/claims/${a.id}/reject`, 'POST', { reason: '这张卡已经有人线下认领了' })).status).toBe(200);
    expect(await cardStatus(card.code)).toBe('open');
    const { claim: b } = (await (await claim(card.code, volunteer)).json()) as { claim: { id: number } };
    expect((await step(b.id, 'cancel', volunteer)).status).toBe(200);
    expect(await cardStatus(card.code)).toBe('open');
    // Two steps at once on one claim: one wins, the other loses cleanly.
    const { claim: d } = (await (await claim(card.code, volunteer)).json()) as { claim: { id: number } };
    const both = await Promise.all([step(d.id, 'cancel', volunteer), adminFetch(cookie, `/claims/${d.id}/approve`, 'POST', {})]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('every step refuses from a wrong state with 409 and writes nothing', async () => {
    const { id: received, volunteer } = await createClaim({ status: 'received' });
    const before = await countRows('SELECT count(*) AS n FROM audit_log');
    for (const path of ['approve', 'receive']) expect((await adminFetch(cookie, `/claims/${received}/${path}`, 'POST', {})).status, path).toBe(409);
    expect((await adminFetch(cookie, `/claims/${received}/reject`, 'POST', { reason: '迟了' })).status).toBe(409);
    for (const what of ['cancel', 'delivered'] as const) expect((await step(received, what, volunteer)).status, what).toBe(409);
    expect(await env.DB.prepare('SELECT status FROM claims WHERE id = ?').bind(received).first()).toEqual({ status: 'received' });
    expect(await countRows('SELECT count(*) AS n FROM audit_log')).toBe(before);
  });

  it('receive racing the expiry job leaves one consistent outcome', async () => {
    const card = await createCard();
    const { claim: r } = (await (await claim(card.code, await createVolunteer())).json()) as { claim: { id: number } };
    await adminFetch(cookie, `/claims/${r.id}/approve`, 'POST', {});
    await env.DB.prepare('UPDATE claims SET approved_at = ? WHERE id = ?').bind(Date.now() - 60 * 86_400_000, r.id).run();
    const [received] = await Promise.all([adminFetch(cookie, `/claims/${r.id}/receive`, 'POST', {}), runScheduledJobs(env)]);
    const status = (await env.DB.prepare('SELECT status FROM claims WHERE id = ?').bind(r.id).first<{ status: string }>())!.status;
    const after = await cardStatus(card.code);
    if (received.status === 200) expect([status, after]).toEqual(['received', 'fulfilled']);
    else expect([status, after]).toEqual(['expired', 'open']);
  });

  it('the scheduled job expires exactly the overdue claims and reopens their cards', async () => {
    const volunteer = await createVolunteer();
    const [overdue, recent] = [await createCard(), await createCard()];
    const { claim: e } = (await (await claim(overdue.code, volunteer)).json()) as { claim: { id: number } };
    const { claim: fresh } = (await (await claim(recent.code, volunteer)).json()) as { claim: { id: number } };
    await env.DB.prepare('UPDATE claims SET created_at = ? WHERE id = ?').bind(Date.now() - 10 * 86_400_000, e.id).run();
    const before = (await env.DB.prepare("SELECT id FROM claims WHERE status = 'expired'").all<{ id: number }>()).results.map((r) => r.id);
    await runScheduledJobs(env);
    const after = (await env.DB.prepare("SELECT id FROM claims WHERE status = 'expired'").all<{ id: number }>()).results.map((r) => r.id);
    expect(after.filter((id) => !before.includes(id))).toContain(e.id);
    expect(after).not.toContain(fresh.id);
    expect(await cardStatus(overdue.code)).toBe('open');
    expect(await cardStatus(recent.code)).toBe('claimed');
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'claim.expire'")).toBeGreaterThanOrEqual(1);
  });
});

describe('claims for coordinators', () => {
  it('lists a queue and exports claims as CSV, audited', async () => {
    // A gift the volunteer marked delivered, waiting for the school to confirm it (made now, so no expiry job has ended it).
    await createClaim({ status: 'delivered' });
    const list = (await (await adminFetch(cookie, '/claims?queue=awaiting_confirmation')).json()) as { claims: { status: string; volunteerName: string }[] };
    expect(list.claims.length).toBeGreaterThan(0);
    expect(list.claims.every((c) => c.status === 'delivered')).toBe(true);
    expect((await adminFetch(cookie, '/claims?queue=nonsense')).status).toBe(400);
    const res = await adminFetch(cookie, '/claims/export.csv?queue=all');
    expect(res.headers.get('Content-Disposition')).toContain('attachment');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('认领编号,心愿卡,称呼,志愿者,手机,状态,认领日期,批准日期,送达日期,确认收到日期,拒绝原因,活动');
    // The 'all' list spans the years: each claim says which campaign it belongs to.
    const names = (await env.DB.prepare('SELECT name FROM campaigns').all<{ name: string }>()).results.map((r) => r.name);
    expect(lines.slice(1).filter(Boolean).every((line) => names.includes(line.split(',').at(-1)!))).toBe(true);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'export' AND detail LIKE '%claims%'")).toBe(1);
  });
});
