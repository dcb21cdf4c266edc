import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaignRecord, nextCampaignHint } from '#worker/campaigns/index.ts';
import { archivedRefused } from '#worker/platform/db/constraints.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { adminFetch, coordinatorCookie, countRows } from '../support/api-client';
import { createCampaign, createCard, createClaim, createSchool, createVolunteer, DAY, type TestCampaign } from '../support/factories';

let cookie = '';
type ErrorBody = { error: { code: string; message: string } };
const db = () => getDb(env.DB);
const wall = async () => (await (await exports.default.fetch('http://shouwang.test/api/cards')).json()) as { campaign: { slug: string } | null; cards: { code: string }[] };
const statusOf = async (id: number) => (await env.DB.prepare('SELECT status FROM campaigns WHERE id = ?').bind(id).first<{ status: string }>())!.status;
const slugOf = async (id: number) => (await env.DB.prepare('SELECT slug FROM campaigns WHERE id = ?').bind(id).first<{ slug: string }>())!.slug;
const cardStatus = async (code: string) => (await env.DB.prepare('SELECT status FROM cards WHERE code = ?').bind(code).first<{ status: string }>())!.status;

/** A school's campaign of last winter, still open, with its claim deadline passed five days ago. */
let lastWinter: TestCampaign;
let schoolId = 0;

beforeAll(async () => {
  cookie = await coordinatorCookie();
  schoolId = (await createSchool()).id;
  lastWinter = await createCampaign({ schoolId, startsAt: new Date(Date.now() - 60 * DAY), claimDeadline: new Date(Date.now() - 5 * DAY), dropoffDeadline: new Date(Date.now() + 10 * DAY) });
});

describe('a campaign’s life', () => {
  let nextSlug = '';

  it('creates the next campaign from the last one’s settings, a year on, prepared and off the wall', async () => {
    const res = await adminFetch(cookie, '/campaigns', 'POST', {
      name: '2027 年冬季心愿卡',
      summary: '',
      startsOn: '2027-11-15',
      claimDeadline: '2028-01-10',
      dropoffDeadline: '2028-01-25',
      dropoffPlace: '学校传达室',
      valueGuide: '每份 50–100 元',
      claimCap: 3,
      approveWithinDays: 3,
      deliverWithinDays: 14,
      villageNames: [],
    });
    expect(res.status).toBe(201);
    const { campaign } = (await res.json()) as { campaign: { slug: string; status: string; id: number } };
    expect(campaign).toMatchObject({ slug: '2027-11', status: 'prepared' });
    nextSlug = campaign.slug;
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'campaign.create' AND subject_id = ?", campaign.id)).toBe(1);
    // A card published in a prepared campaign has no public page until the campaign opens.
    const early = await createCard({ campaignId: campaign.id, status: 'open' });
    expect((await exports.default.fetch(`http://shouwang.test/api/cards/${early.code}`)).status).toBe(404);
    expect((await wall()).campaign?.slug).not.toBe('2027-11');
    // Last winter's is still open, but past its deadline: next winter's cards go into the prepared one.
    const typed = await adminFetch(cookie, '/cards', 'POST', { alias: '小树', age: 8, gradeBand: 'middle_primary', category: 'books', wish: '想要一本童话书。', sizeNote: '', handoutRef: '2027-登记-001', consentOn: '', consentMethod: '', notes: '' });
    expect(typed.status).toBe(201);
    const { card } = (await typed.json()) as { card: { campaignId: number } };
    expect(card.campaignId).toBe(campaign.id);
  });

  it('fills the form for the next campaign from the last one, dates and year moved on', async () => {
    const { nextCampaignDraft } = await import('#worker/campaigns/index.ts');
    const draft = await nextCampaignDraft(db());
    expect(draft).toMatchObject({ name: '2028 年冬季心愿卡', startsOn: '2028-11-15', claimDeadline: '2029-01-10', dropoffDeadline: '2029-01-25', claimCap: 3 });
  });

  it('lets one campaign of a school take claims at a time', async () => {
    const refused = await adminFetch(cookie, `/campaigns/${nextSlug}/open`, 'POST', {});
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('another_open');
    expect(await statusOf(lastWinter.id)).toBe('open');

    const closed = await adminFetch(cookie, `/campaigns/${await slugOf(lastWinter.id)}/close`, 'POST', {});
    expect(closed.status).toBe(200);
    const opened = await adminFetch(cookie, `/campaigns/${nextSlug}/open`, 'POST', {});
    expect(opened.status).toBe(200);
    expect((await wall()).campaign?.slug).toBe('2027-11');
    // And back: the new one must close before the old one reopens.
    expect((await adminFetch(cookie, `/campaigns/${await slugOf(lastWinter.id)}/open`, 'POST', {})).status).toBe(409);
  });

  it('takes no claim on a closed campaign’s card', async () => {
    const card = await createCard({ campaignId: lastWinter.id, status: 'open' });
    const volunteer = await createVolunteer({ status: 'approved' });
    const res = await exports.default.fetch(`http://shouwang.test/api/cards/${card.code}/claims`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${volunteer.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.code).toBe('claims_closed');
    expect(await cardStatus(card.code)).toBe('open');
  });
});

describe('no child left without a gift', () => {
  it('refuses the school’s fallback before the claim deadline', async () => {
    const campaign = await createCampaign({ schoolId: (await createSchool()).id, startsAt: new Date(Date.now() - DAY), claimDeadline: new Date(Date.now() + 20 * DAY) });
    const card = await createCard({ campaignId: campaign.id, status: 'open' });
    const res = await adminFetch(cookie, `/campaigns/${await slugOf(campaign.id)}/school-fulfil`, 'POST', { codes: [card.code] });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_after_deadline');
    expect(await cardStatus(card.code)).toBe('open');
  });

  it('lists the cards left open after the deadline, expired claims included, and marks them fulfilled by the school, one audit row each', async () => {
    const slug = await slugOf(lastWinter.id);
    const nobody = await createCard({ campaignId: lastWinter.id, status: 'open' });
    const expired = await createClaim({ status: 'expired', card: await createCard({ campaignId: lastWinter.id, status: 'open' }) });
    const taken = await createClaim({ status: 'approved', card: await createCard({ campaignId: lastWinter.id, status: 'open' }) });
    const left = (await (await adminFetch(cookie, `/campaigns/${slug}/leftovers`)).json()) as { fallbackAllowed: boolean; cards: { code: string; lastClaimStatus: string | null }[] };
    expect(left.fallbackAllowed).toBe(true);
    const byCode = new Map(left.cards.map((c) => [c.code, c]));
    expect(byCode.get(nobody.code)?.lastClaimStatus).toBeNull();
    expect(byCode.get(expired.card.code)?.lastClaimStatus).toBe('expired');
    expect(byCode.has(taken.card.code)).toBe(false);

    const before = await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'card.school_fulfil'");
    const res = await adminFetch(cookie, `/campaigns/${slug}/school-fulfil`, 'POST', { codes: [nobody.code, expired.card.code, taken.card.code] });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { marked: string[]; refused: { code: string; reason: string }[] };
    expect(report.marked.sort()).toEqual([nobody.code, expired.card.code].sort());
    expect(report.refused).toEqual([{ code: taken.card.code, reason: expect.stringContaining('认领') }]);
    expect(await cardStatus(nobody.code)).toBe('school_fulfilled');
    expect(await cardStatus(taken.card.code)).toBe('claimed');
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'card.school_fulfil'")).toBe(before + 2);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'card.school_fulfil' AND json_extract(detail, '$.code') = ?", nobody.code)).toBe(1);
  });

  it('archives only once every claim has ended and every card has its gift; then nothing of it can change', async () => {
    const slug = await slugOf(lastWinter.id);
    await adminFetch(cookie, `/campaigns/${slug}/close`, 'POST', {});
    const refused = await adminFetch(cookie, `/campaigns/${slug}/archive`, 'POST', {});
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('archive_unfinished');
    expect(body.error.message).toMatch(/认领还没了结|没人认领/);

    // The gift of the running claim arrives; the cards still open go to the school.
    const live = await env.DB.prepare("SELECT cl.id FROM claims cl JOIN cards c ON c.id = cl.card_id WHERE c.campaign_id = ? AND cl.status IN ('pending', 'approved', 'delivered')").bind(lastWinter.id).all<{ id: number }>();
    for (const { id } of live.results) expect((await adminFetch(cookie, `/claims/${id}/receive`, 'POST', {})).status).toBe(200);
    const open = await env.DB.prepare("SELECT code FROM cards WHERE campaign_id = ? AND status = 'open'").bind(lastWinter.id).all<{ code: string }>();
    expect(open.results.length).toBeGreaterThan(0);
    expect((await adminFetch(cookie, `/campaigns/${slug}/school-fulfil`, 'POST', { codes: open.results.map((r) => r.code) })).status).toBe(200);

    // A draft left behind would be frozen for good, words and all: it is withdrawn first.
    const draft = await createCard({ campaignId: lastWinter.id, status: 'draft', consented: true });
    const publishLate = (await (await adminFetch(cookie, '/review/publish', 'POST', { codes: [draft.code] })).json()) as { published: string[]; refused: { reasons: string[] }[] };
    expect(publishLate.published).toEqual([]);
    expect(publishLate.refused[0]!.reasons.join()).toContain('活动已结束');
    const blocked = await adminFetch(cookie, `/campaigns/${slug}/archive`, 'POST', {});
    expect(blocked.status).toBe(409);
    expect(((await blocked.json()) as ErrorBody).error.message).toContain('1 张草稿');
    expect((await adminFetch(cookie, `/cards/${draft.code}/withdraw`, 'POST', { reason: '活动结束了，这张没有发布' })).status).toBe(200);

    const archived = await adminFetch(cookie, `/campaigns/${slug}/archive`, 'POST', {});
    expect(archived.status).toBe(200);
    expect(await statusOf(lastWinter.id)).toBe('archived');

    // Its cards no longer show the child's words in public.
    const archivedCard = (await env.DB.prepare("SELECT code FROM cards WHERE campaign_id = ? AND status = 'school_fulfilled' LIMIT 1").bind(lastWinter.id).first<{ code: string }>())!.code;
    expect((await exports.default.fetch(`http://shouwang.test/api/cards/${archivedCard}`)).status).toBe(404);

    // The console refuses, and beneath it the database refuses too.
    const edit = await adminFetch(cookie, `/campaigns/${slug}`, 'PUT', { name: '改名', summary: '', startsOn: '2026-09-01', claimDeadline: '2026-10-01', dropoffDeadline: '2026-10-20', dropoffPlace: '学校', valueGuide: '50 元', claimCap: 3, approveWithinDays: 3, deliverWithinDays: 14, villageNames: [] });
    expect(edit.status).toBe(409);
    expect(((await edit.json()) as ErrorBody).error.code).toBe('archived');
    const someCard = await env.DB.prepare("SELECT id FROM cards WHERE campaign_id = ? AND status NOT IN ('draft', 'withdrawn') LIMIT 1").bind(lastWinter.id).first<{ id: number }>();
    for (const write of [
      env.DB.prepare("UPDATE cards SET wish = '改了' WHERE id = ?").bind(someCard!.id),
      env.DB.prepare("UPDATE card_private SET notes = '改了' WHERE card_id = ?").bind(someCard!.id),
      env.DB.prepare('DELETE FROM card_private WHERE card_id = ?').bind(someCard!.id),
      env.DB.prepare('DELETE FROM cards WHERE id = ?').bind(someCard!.id),
      env.DB.prepare("UPDATE claims SET status = 'cancelled' WHERE card_id = ?").bind(someCard!.id),
      env.DB.prepare("UPDATE campaigns SET status = 'open' WHERE id = ?").bind(lastWinter.id),
      env.DB.prepare("INSERT INTO cards (campaign_id, code, alias, age, grade_band, category, wish, status) VALUES (?, 'ZZZZZ', '小雨', 8, 'middle_primary', 'books', '书', 'draft')").bind(lastWinter.id),
    ]) {
      const err = await write.run().then(() => null, (e: unknown) => e);
      expect(archivedRefused(err), String(err)).toBe(true);
    }
    // Through the console's own card operations: refused with a reason, never a 500.
    const code = (await env.DB.prepare('SELECT code FROM cards WHERE id = ?').bind(someCard!.id).first<{ code: string }>())!.code;
    const card = (await (await adminFetch(cookie, `/cards/${code}`)).json()) as { card: Record<string, unknown> };
    const { alias, age, gradeBand, category, wish, handoutRef, consentOn, consentMethod } = card.card;
    const edit2 = await adminFetch(cookie, `/cards/${code}`, 'PUT', { alias, age, gradeBand, category, wish, sizeNote: '', handoutRef, consentOn: consentOn ?? '', consentMethod: consentMethod ?? '', notes: '归档后补一句备注' });
    expect(edit2.status).toBe(409);
    expect(((await edit2.json()) as ErrorBody).error.message).toContain('已归档');
        // A card that never reached the record may still be deleted (a retention job may remove its words).
    expect(archivedRefused(await env.DB.prepare('DELETE FROM card_private WHERE card_id = (SELECT id FROM cards WHERE code = ?)').bind(draft.code).run().then(() => env.DB.prepare('DELETE FROM cards WHERE code = ?').bind(draft.code).run()).then(() => null, (e: unknown) => e))).toBe(false);
    expect(await countRows('SELECT count(*) AS n FROM cards WHERE code = ?', draft.code)).toBe(0);
        // The thank-you is written when the results are in, so it stays editable.
    const thanks = await adminFetch(cookie, `/campaigns/${slug}/thank-you`, 'PUT', { thankYou: '谢谢每一位送来礼物的爱心人士。' });
    expect(thanks.status).toBe(200);
  });
});

describe('the public record', () => {
  it('counts wishes, gifts from volunteers and from the school, by category, with no alias or wish in it', async () => {
    const school = await createSchool();
    const past = await createCampaign({ schoolId: school.id, startsAt: new Date(Date.now() - 90 * DAY), claimDeadline: new Date(Date.now() - 40 * DAY), dropoffDeadline: new Date(Date.now() - 30 * DAY), status: 'closed' });
    await createClaim({ status: 'received', card: await createCard({ campaignId: past.id, status: 'open', category: 'books', alias: '阿朵', wish: '想要一本恐龙百科' }) });
    await createClaim({ status: 'received', card: await createCard({ campaignId: past.id, status: 'open', category: 'books' }) });
    await createCard({ campaignId: past.id, status: 'school_fulfilled', category: 'clothing' });
    await createCard({ campaignId: past.id, status: 'withdrawn' });
    await createCard({ campaignId: past.id, status: 'draft' });
    const record = await campaignRecord(db(), await slugOf(past.id));
    expect(record).toMatchObject({ wishes: 3, byVolunteers: 2, bySchool: 1, volunteers: 2 });
    expect(record!.byCategory).toEqual([
      { category: 'books', wishes: 2, byVolunteers: 2, bySchool: 0 },
      { category: 'clothing', wishes: 1, byVolunteers: 0, bySchool: 1 },
    ]);
    expect(JSON.stringify(record)).not.toMatch(/阿朵|恐龙/);
    // A campaign still open has no record yet.
    expect(await campaignRecord(db(), await slugOf((await createCampaign()).id))).toBeNull();
  });

  it('tells the wall when the next campaign is expected: the prepared one, else the month campaigns usually start', async () => {
    const before = await nextCampaignHint(db());
    expect(before.prepared).toBeNull();
    const latestPast = await env.DB.prepare("SELECT slug, starts_at FROM campaigns WHERE status IN ('closed', 'archived') ORDER BY starts_at DESC LIMIT 1").first<{ slug: string; starts_at: number }>();
    expect(before.last?.slug).toBe(latestPast!.slug);
    expect(before.usualMonth).toBe(new Date(latestPast!.starts_at + 8 * 3600_000).getUTCMonth() + 1);
    const prepared = await createCampaign({ schoolId: (await createSchool()).id, status: 'prepared', startsAt: new Date(Date.now() + 200 * DAY), claimDeadline: new Date(Date.now() + 250 * DAY), dropoffDeadline: new Date(Date.now() + 260 * DAY) });
    const after = await nextCampaignHint(db());
    expect(after.prepared?.name).toBe(prepared.name);
    expect(after.usualMonth).toBeNull();
  });
});
