import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#worker/app.ts';
import { runScheduledJobs } from '#worker/scheduled.ts';
import { adminFetch, coordinatorCookie, countRows } from '../support/api-client';
import { createCampaign, createClaim, createVolunteer } from '../support/factories';

const SIGNUP = {
  name: '陈志愿',
  mobile: '139 0000 2222',
  email: 'Chen@Example.com',
  town: '青石镇',
  helpTypes: ['wish_cards', 'tutoring'],
  availability: '周末',
  note: '退休数学老师',
  agreeCode: true,
  agreePrivacy: true,
};
type ErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };

function signUp(body: unknown, headers: Record<string, string> = {}) {
  return exports.default.fetch('http://shouwang.test/api/volunteers', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '203.0.113.60', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const me = (token: string) => exports.default.fetch('http://shouwang.test/api/me', { headers: { Authorization: `Bearer ${token}` } });
const tokenOf = async (res: Response) => new URL(((await res.json()) as { privateUrl: string }).privateUrl).pathname.split('/').pop()!;
const dbDigest = async () => JSON.stringify((await env.DB.prepare('SELECT * FROM volunteers ORDER BY id').all()).results) + (await countRows('SELECT count(*) AS n FROM signup_repeats'));

beforeAll(async () => {
  // The campaign whose cards volunteers claim.
  await createCampaign();
});

describe('POST /api/volunteers', () => {
  it('signs a volunteer up: 201 with a private link whose token (256 bits) is stored only hashed', async () => {
    const res = await signUp(SIGNUP);
    expect(res.status).toBe(201);
    const token = await tokenOf(res);
    expect(token).toMatch(/^[\w-]{43}$/);
    const row = await env.DB.prepare("SELECT * FROM volunteers WHERE mobile = '13900002222'").first<Record<string, unknown>>();
    expect(row).toMatchObject({ name: '陈志愿', email: 'chen@example.com', status: 'pending', agreed_code_version: '2026-11', agreed_privacy_version: '2026-11' });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify((await env.DB.prepare('SELECT * FROM audit_log').all()).results)).not.toContain(token);

    const mine = await me(token);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toEqual({ volunteer: { status: 'pending', rejectReason: null, claims: [] } });
  });

  it('makes no second volunteer for a known mobile, and answers exactly as for a new one', async () => {
    // A registered volunteer, approved, with a claim under way.
    const known = await createVolunteer({ status: 'approved' });
    await createClaim({ status: 'pending', volunteer: known });
    const before = await countRows('SELECT count(*) AS n FROM volunteers');
    const res = await signUp({ ...SIGNUP, name: '冒名者', mobile: known.mobile });
    expect(res.status).toBe(201);
    const token = await tokenOf(res);
    expect(await countRows('SELECT count(*) AS n FROM volunteers')).toBe(before);
    expect(await countRows("SELECT count(*) AS n FROM volunteers WHERE name = '冒名者'")).toBe(0);
    // The link shows a fresh pending sign-up: nothing of the registered volunteer (approved, with claims).
    expect(await (await me(token)).json()).toEqual({ volunteer: { status: 'pending', rejectReason: null, claims: [] } });
    expect(await countRows('SELECT count(*) AS n FROM signup_repeats WHERE volunteer_id = ?', known.id)).toBe(1);
  });

  it('refuses bad, hostile and malformed input with per-field messages, and writes nothing', async () => {
    const before = await dbDigest();
    const cases: [unknown, string[]][] = [
      [{}, ['agreeCode', 'agreePrivacy', 'helpTypes', 'mobile', 'name', 'town']],
      [{ ...SIGNUP, mobile: '12345', email: 'not-mail', helpTypes: ['money'], agreeCode: false }, ['agreeCode', 'email', 'helpTypes.0', 'mobile']],
      [{ ...SIGNUP, name: 'x'.repeat(5000), note: '<script>alert(1)</script>'.repeat(50) }, ['name', 'note']],
      [{ ...SIGNUP, name: 42, helpTypes: 'wish_cards' }, ['name']],
      [{ ...SIGNUP, town: '青石\u0000镇', availability: '\u001b[31m周末' }, ['availability', 'town']],
    ];
    for (const [body, fields] of cases) {
      const res = await signUp(body);
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as ErrorBody;
      expect(Object.keys(error.fields).sort()).toEqual(fields);
    }
    for (const raw of ['{"name":', 'null', '[]', '"text"']) expect((await signUp(raw)).status, raw).toBe(400);
    expect((await exports.default.fetch('http://shouwang.test/api/volunteers', { method: 'POST', body: 'name=x' })).status).toBe(415);
    expect((await signUp(SIGNUP, { Origin: 'https://evil.example' })).status).toBe(403);
    expect(await dbDigest()).toBe(before);
  });

  it('answers a filled honeypot like a success and writes nothing', async () => {
    const before = await dbDigest();
    const res = await signUp({ ...SIGNUP, mobile: '13700007777', website: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect((await me(await tokenOf(res))).status).toBe(401);
    expect(await dbDigest()).toBe(before);
  });

  it('limits sign-ups per address as configured, with a clear message', async () => {
    const app = createApp();
    const limited = { ...env, SIGNUP_RATE_LIMIT: '2', SIGNUP_RATE_WINDOW_SECONDS: '600' };
    const post = (mobile: string) =>
      app.request('/api/volunteers', { method: 'POST', headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '198.51.100.77' }, body: JSON.stringify({ ...SIGNUP, mobile }) }, limited);
    expect((await post('13600000001')).status).toBe(201);
    expect((await post('13600000002')).status).toBe(201);
    const third = await post('13600000003');
    expect(third.status).toBe(429);
    expect(((await third.json()) as ErrorBody).error.message).toContain('请过十几分钟再试');
    expect(await countRows("SELECT count(*) AS n FROM volunteers WHERE mobile = '13600000003'")).toBe(0);
  });
});

describe('GET /api/me', () => {
  it('needs the private token (cookie or Bearer)', async () => {
    expect((await exports.default.fetch('http://shouwang.test/api/me')).status).toBe(401);
    expect((await me('x'.repeat(43))).status).toBe(401);
  });

  it('shows an approved volunteer their own claims, and nothing of anyone else', async () => {
    const mine = await createVolunteer({ status: 'approved' });
    const other = await createVolunteer({ status: 'approved' });
    const own: string[] = [];
    for (const status of ['pending', 'approved', 'received', 'received'] as const) own.push((await createClaim({ status, volunteer: mine })).card.code);
    for (const status of ['pending', 'delivered'] as const) await createClaim({ status, volunteer: other });
    const res = await me(mine.token);
    const { volunteer } = (await res.json()) as { volunteer: { status: string; claims: { cardCode: string }[] } };
    expect(volunteer.status).toBe('approved');
    expect(volunteer.claims.map((c) => c.cardCode).sort()).toEqual(own.sort());
    const text = JSON.stringify(volunteer);
    for (const personal of [other.name, other.mobile, mine.name, mine.mobile]) expect(text).not.toContain(personal);
  });
});

describe('vetting, a fresh link, erasure and retention', () => {
  it('a coordinator approves or rejects with a reason the volunteer sees, each audited once', async () => {
    const cookie = await coordinatorCookie();
    const token = await tokenOf(await signUp({ ...SIGNUP, mobile: '13500000001' }));
    const id = (await env.DB.prepare("SELECT id FROM volunteers WHERE mobile = '13500000001'").first<{ id: number }>())!.id;
    expect((await adminFetch(cookie, `/volunteers/${id}/reject`, 'POST', { reason: '' })).status).toBe(400);
    expect((await adminFetch(cookie, `/volunteers/${id}/reject`, 'POST', { reason: '请先参加一次志愿者培训' })).status).toBe(200);
    expect(await (await me(token)).json()).toEqual({ volunteer: { status: 'rejected', rejectReason: '请先参加一次志愿者培训', claims: [] } });
    // Already decided: a second decision loses cleanly.
    expect((await adminFetch(cookie, `/volunteers/${id}/approve`, 'POST', {})).status).toBe(409);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'volunteer.%' AND subject_id = ? AND actor_kind = 'coordinator'", id)).toBe(1);

    const list = (await (await adminFetch(cookie, '/volunteers?status=pending')).json()) as { volunteers: { name: string; mobile: string }[] };
    expect(list.volunteers.every((v) => v.mobile)).toBe(true);
  });

  it('a fresh link replaces the old one and is shown once', async () => {
    const cookie = await coordinatorCookie();
    const volunteer = await createVolunteer({ status: 'approved' });
    const old = volunteer.token;
    expect((await me(old)).status).toBe(200);
    const res = await adminFetch(cookie, `/volunteers/${volunteer.id}/new-link`, 'POST', {});
    const { privateUrl } = (await res.json()) as { privateUrl: string };
    expect((await me(old)).status).toBe(401);
    expect((await me(privateUrl.split('/').pop()!)).status).toBe(200);
    expect(JSON.stringify((await env.DB.prepare('SELECT * FROM audit_log').all()).results)).not.toContain(privateUrl.split('/').pop()!);
  });

  it('erasing keeps the claims but removes the name, mobile, email and note, and closes the link', async () => {
    const cookie = await coordinatorCookie();
    // A rejected volunteer with a note, whose one claim was cancelled before the decision.
    const volunteer = await createVolunteer({ status: 'rejected', note: '周末有空' });
    await createClaim({ status: 'cancelled', volunteer });
    const claims = await countRows('SELECT count(*) AS n FROM claims WHERE volunteer_id = ?', volunteer.id);
    expect(claims).toBe(1);
    expect((await adminFetch(cookie, `/volunteers/${volunteer.id}/erase`, 'POST', {})).status).toBe(200);
    const row = await env.DB.prepare('SELECT name, mobile, email, note, erased_at FROM volunteers WHERE id = ?').bind(volunteer.id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ name: null, mobile: null, email: null, note: '' });
    expect(row!.erased_at).not.toBeNull();
    expect(await countRows('SELECT count(*) AS n FROM claims WHERE volunteer_id = ?', volunteer.id)).toBe(claims);
    expect((await me(volunteer.token)).status).toBe(401);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'volunteer.erase' AND subject_id = ?", volunteer.id)).toBe(1);
  });

  it('the scheduled job anonymises volunteers inactive past the retention period', async () => {
    const stale = await createVolunteer({ status: 'pending' });
    const active = await createVolunteer({ status: 'approved', name: '周测试' });
    await env.DB.prepare('UPDATE volunteers SET last_active_at = ? WHERE id = ?').bind(Date.parse('2024-01-01'), stale.id).run();
    await runScheduledJobs(env, new Date('2026-12-01T00:00:00Z'));
    expect(await env.DB.prepare('SELECT name, mobile FROM volunteers WHERE id = ?').bind(stale.id).first()).toEqual({ name: null, mobile: null });
    expect(await env.DB.prepare('SELECT name FROM volunteers WHERE id = ?').bind(active.id).first()).toEqual({ name: '周测试' });
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'volunteer.retention_erase'")).toBe(1);
  });
});

describe('keeping the private link out of logs', () => {
  it('logs a private page’s path without its token', async () => {
    const { loggablePath } = await import('#worker/app.ts');
    expect(loggablePath('/v/abcDEF123_-xyz')).toBe('/v/[token]');
    expect(loggablePath('/api/cards')).toBe('/api/cards');
  });
});

describe('exporting volunteers', () => {
  it('serves coordinators a CSV of volunteers, audited', async () => {
    const cookie = await coordinatorCookie();
    const approved = await createVolunteer({ status: 'approved', name: '周导出' });
    const pending = await createVolunteer({ status: 'pending', name: '郑导出' });
    const res = await adminFetch(cookie, '/volunteers/export.csv?status=approved');
    expect(res.headers.get('Content-Disposition')).toContain('attachment');
    const text = await res.text();
    expect(text).toContain(`周导出,${approved.mobile}`);
    expect(text).not.toContain(pending.name);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'export' AND detail LIKE '%volunteers%'")).toBe(1);
  });
});
