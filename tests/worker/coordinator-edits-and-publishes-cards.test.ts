import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, coordinatorCookie, countRows, NEW_CARD, nextRef } from '../support/api-client';
import { createCampaign, createCard, createClaim, rememberCampaignSettings, type TestCampaign } from '../support/factories';

let cookie = '';
/** This file's campaign: the current one, so cards made through the console land in it. */
let campaign: TestCampaign;
type CardBody = { card: Record<string, unknown> & { code: string; status: string }; privacy: { field: string; kind: string; found: string }[] };
type ErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };
const audits = (action: string) => countRows('SELECT count(*) AS n FROM audit_log WHERE action = ?', action);
const publicCard = (code: string) => exports.default.fetch(`http://shouwang.test/api/cards/${code}`);

async function create(fields: Partial<typeof NEW_CARD> = {}): Promise<CardBody> {
  const res = await adminFetch(cookie, '/cards', 'POST', { ...NEW_CARD, handoutRef: nextRef(), ...fields });
  expect(res.status).toBe(201);
  return (await res.json()) as CardBody;
}

beforeAll(async () => {
  campaign = await createCampaign();
  cookie = await coordinatorCookie();
});

describe('creating and listing cards', () => {
  it('creates a draft with a fresh public code, its private record and an audit row', async () => {
    const before = await audits('card.create');
    const { card, privacy } = await create({ handoutRef: '登记-2026-107' });
    expect(card.code).toMatch(/^[A-HJKMNP-Z2-9]{5}$/);
    expect(card).toMatchObject({ status: 'draft', alias: '朵朵', age: 8, handoutRef: '登记-2026-107', reviewedAt: null });
    expect(privacy).toEqual([]);
    expect(await audits('card.create')).toBe(before + 1);
    expect(await countRows('SELECT count(*) AS n FROM card_private WHERE handout_ref = ?', '登记-2026-107')).toBe(1);
    expect((await publicCard(card.code)).status).toBe(404);
  });

  it('lists cards with their coordinator-only fields, filtered', async () => {
    await createCard({ status: 'draft', category: 'books' });
    await createCard({ status: 'open', category: 'books' });
    const wanted = await createCard({ alias: '小雨' });
    const res = await adminFetch(cookie, '/cards?status=draft&category=books');
    const body = (await res.json()) as { cards: CardBody['card'][]; total: number };
    expect(res.status).toBe(200);
    expect(body.cards.length).toBeGreaterThan(0);
    for (const card of body.cards) expect(card).toMatchObject({ status: 'draft', category: 'books', handoutRef: expect.any(String) });
    const search = (await (await adminFetch(cookie, `/cards?q=${wanted.code}`)).json()) as { cards: { alias: string }[] };
    expect(search.cards.map((c) => c.alias)).toEqual(['小雨']);
  });

  it('refuses bad input with a message per field and writes nothing', async () => {
    const cards = await countRows('SELECT count(*) AS n FROM cards');
    const res = await adminFetch(cookie, '/cards', 'POST', { ...NEW_CARD, age: 'abc', gradeBand: 'college', handoutRef: '王小明', consentOn: '2026-11-02' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(Object.keys(error.fields).sort()).toEqual(['age', 'consentMethod', 'gradeBand', 'handoutRef']);
    expect(error.fields.handoutRef).toContain('不要填孩子的姓名');
    expect(await countRows('SELECT count(*) AS n FROM cards')).toBe(cards);
  });

  it('refuses control characters in every text field (SQLite would count a NUL as the end of the text)', async () => {
    const cards = await countRows('SELECT count(*) AS n FROM cards');
    const res = await adminFetch(cookie, '/cards', 'POST', { ...NEW_CARD, alias: '\u0000', wish: '想要\u001b[31m书', sizeNote: 'a\u0007', handoutRef: 'REG-1\u0000', notes: 'ok\r\nline\u0000' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(Object.keys(error.fields).sort()).toEqual(['alias', 'handoutRef', 'notes', 'sizeNote', 'wish']);
    expect(await countRows('SELECT count(*) AS n FROM cards')).toBe(cards);
  });
});

describe('from draft to the wall', () => {
  it('publishes only after review and the guardian’s consent, then shows the card publicly', async () => {
    const { card } = await create();
    const early = await adminFetch(cookie, `/cards/${card.code}/publish`, 'POST', {});
    expect(early.status).toBe(409);
    expect(((await early.json()) as ErrorBody).error.message).toContain('审核');

    expect((await adminFetch(cookie, `/cards/${card.code}/review`, 'POST', {})).status).toBe(200);
    const noConsent = await adminFetch(cookie, `/cards/${card.code}/publish`, 'POST', {});
    expect(((await noConsent.json()) as ErrorBody).error.message).toContain('监护人同意');

    const edited = await adminFetch(cookie, `/cards/${card.code}`, 'PUT', { ...NEW_CARD, handoutRef: card.handoutRef, consentOn: '2026-11-18', consentMethod: 'paper' });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as CardBody).card.reviewedAt).not.toBeNull(); // private fields do not clear the review

    const before = await audits('card.publish');
    const published = await adminFetch(cookie, `/cards/${card.code}/publish`, 'POST', {});
    expect(published.status).toBe(200);
    expect(((await published.json()) as CardBody).card.status).toBe('open');
    expect(await audits('card.publish')).toBe(before + 1);
    const face = (await (await publicCard(card.code)).json()) as { card: Record<string, unknown> };
    expect(face.card).toMatchObject({ code: card.code, alias: '朵朵' });
    expect(JSON.stringify(face)).not.toContain(String(card.handoutRef));
  });

  it('blocks publishing while the privacy check finds something, and says exactly what', async () => {
    const { card, privacy } = await create({ alias: '王小明', wish: '我是三年级二班的，想要书包', consentOn: '2026-11-18', consentMethod: 'phone' });
    expect(privacy.map((p) => [p.field, p.kind, p.found])).toEqual([
      ['alias', 'full_name', '王小明'],
      ['wish', 'class', '三年级二班'],
    ]);
    await adminFetch(cookie, `/cards/${card.code}/review`, 'POST', {});
    const res = await adminFetch(cookie, `/cards/${card.code}/publish`, 'POST', {});
    expect(res.status).toBe(409);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.fields.alias).toContain('王小明');
    expect(error.fields.wish).toContain('三年级二班');
    expect((await publicCard(card.code)).status).toBe(404);
  });

  it('takes an open card back to draft when its wording changes, so nothing unreviewed stays on the wall', async () => {
    const open = await createCard({ status: 'open', wish: '我想要一本讲恐龙的书。' });
    expect((await publicCard(open.code)).status).toBe(200);
    const res = await adminFetch(cookie, `/cards/${open.code}`);
    const { card } = (await res.json()) as CardBody;
    const fields = { ...NEW_CARD, ...Object.fromEntries(Object.keys(NEW_CARD).map((k) => [k, card[k] ?? ''])) };
    const edited = await adminFetch(cookie, `/cards/${open.code}`, 'PUT', { ...fields, wish: '我想要一本讲恐龙和火山的书。' });
    const after = ((await edited.json()) as CardBody).card;
    expect(after).toMatchObject({ status: 'draft', reviewedAt: null });
    expect((await publicCard(open.code)).status).toBe(404);
  });

  it('withdraws an open card with a reason, but not a claimed one', async () => {
    const open = await createCard({ status: 'open' });
    const { card: claimedCard } = await createClaim({ status: 'pending' });
    expect((await adminFetch(cookie, `/cards/${open.code}/withdraw`, 'POST', { reason: '' })).status).toBe(400);
    const ok = await adminFetch(cookie, `/cards/${open.code}/withdraw`, 'POST', { reason: '监护人撤回了同意' });
    expect(((await ok.json()) as CardBody).card).toMatchObject({ status: 'withdrawn', withdrawnReason: '监护人撤回了同意' });
    const claimed = await adminFetch(cookie, `/cards/${claimedCard.code}/withdraw`, 'POST', { reason: '测试' });
    expect(claimed.status).toBe(409);
    expect(((await claimed.json()) as ErrorBody).error.message).toContain('认领');
  });

  it('lets exactly one of two simultaneous publishes win; the loser writes nothing', async () => {
    const { card } = await create({ consentOn: '2026-11-18', consentMethod: 'phone' });
    await adminFetch(cookie, `/cards/${card.code}/review`, 'POST', {});
    const before = await audits('card.publish');
    const results = await Promise.all([1, 2].map(() => adminFetch(cookie, `/cards/${card.code}/publish`, 'POST', {})));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await audits('card.publish')).toBe(before + 1);
  });
});

// The console edits the current campaign, which is this file's: each test puts its settings back.
describe('the campaign settings', () => {
  it('saves valid settings with an audit row, and the village list feeds the privacy check', async () => {
    const restore = await rememberCampaignSettings(campaign.id);
    try {
      const settings = (await (await adminFetch(cookie, '/campaign')).json()) as { campaign: Record<string, unknown> };
      expect(settings.campaign.id).toBe(campaign.id);
      const res = await adminFetch(cookie, '/campaign', 'PUT', { ...settings.campaign, claimCap: '4', villageNames: '柳树村\n下河湾' });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { campaign: Record<string, unknown> }).campaign).toMatchObject({ claimCap: 4, villageNames: ['柳树村', '下河湾'] });
      expect(await audits('campaign.edit')).toBe(1);
      const { privacy } = await create({ wish: '我家在柳树村，想要手套' });
      expect(privacy.map((p) => p.kind)).toEqual(['village']);
    } finally {
      await restore();
    }
  });

  it('refuses deadlines out of order, naming the field', async () => {
    const restore = await rememberCampaignSettings(campaign.id);
    try {
      const settings = (await (await adminFetch(cookie, '/campaign')).json()) as { campaign: Record<string, unknown> };
      const res = await adminFetch(cookie, '/campaign', 'PUT', { ...settings.campaign, dropoffDeadline: '2020-01-01' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.fields.dropoffDeadline).toContain('不能早于');
    } finally {
      await restore();
    }
  });
});

describe('one card per child per campaign', () => {
  it('refuses a second card with the same school register number, naming the field', async () => {
    await create({ handoutRef: '登记-2026-900' });
    const res = await adminFetch(cookie, '/cards', 'POST', { ...NEW_CARD, handoutRef: '登记-2026-900' });
    expect(res.status).toBe(409);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('duplicate_handout');
    expect(error.fields.handoutRef).toContain('登记-2026-900');
  });
});

describe('the privacy gate at review and publish', () => {
  it('tells every blocker at once: not reviewed, no consent and each privacy finding', async () => {
    const { card } = await create({ wish: '我是王小明，电话 138 1234 5678' });
    const res = await adminFetch(cookie, `/cards/${card.code}/publish`, 'POST', {});
    expect(res.status).toBe(409);
    const { error } = (await res.json()) as ErrorBody;
    expect(Object.keys(error.fields).sort()).toEqual(['consentOn', 'review', 'wish']);
    expect(error.fields.wish).toContain('王小明');
    expect(error.fields.wish).toContain('138 1234 5678');
    const detail = (await (await adminFetch(cookie, `/cards/${card.code}`)).json()) as { blockers: { field: string }[] };
    expect(detail.blockers.map((b) => b.field).sort()).toEqual(['consentOn', 'review', 'wish', 'wish']);
  });

  it('refuses the review when the real names typed match the words, and keeps nothing of them', async () => {
    const { card } = await create({ wish: '子 涵想要一本书', consentOn: '2026-11-18', consentMethod: 'paper' });
    const digest = async () => JSON.stringify(await env.DB.prepare("SELECT * FROM audit_log WHERE detail LIKE '%子涵%' OR detail LIKE '%张子涵%'").all());
    const refused = await adminFetch(cookie, `/cards/${card.code}/review`, 'POST', { realNames: '张子涵 李春花' });
    expect(refused.status).toBe(409);
    const text = await refused.text();
    expect(text).not.toContain('张子涵');
    expect(text).not.toContain('李春花');
    expect(JSON.parse(text).error.fields.wish).toContain('真实姓名');
    expect(await digest()).not.toContain('子涵');
    const unrelated = await adminFetch(cookie, `/cards/${card.code}/review`, 'POST', { realNames: '刘德福' });
    expect(unrelated.status).toBe(200);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE detail LIKE '%刘德福%'")).toBe(0);
  });

  it('lets a coordinator mark a finding “不是个人信息” with a reason, audited and shown, which then stops blocking', async () => {
    const { card } = await create({ wish: '我想要曹文轩写的书，我最喜欢作家曹文', consentOn: '2026-11-18', consentMethod: 'paper' });
    // The review waits for the gate: nothing may be open.
    const early = await adminFetch(cookie, `/cards/${card.code}/review`, 'POST', {});
    expect(early.status).toBe(409);
    expect(((await early.json()) as ErrorBody).error.fields.wish).toContain('曹文');
    const { privacy } = (await (await adminFetch(cookie, `/cards/${card.code}`)).json()) as CardBody;
    expect(privacy.map((p) => p.found)).toEqual(['曹文']);
    const finding = privacy[0]!;
    const noReason = await adminFetch(cookie, `/cards/${card.code}/privacy-dismissals`, 'POST', { ...finding, reason: '' });
    expect(noReason.status).toBe(400);
    const notThere = await adminFetch(cookie, `/cards/${card.code}/privacy-dismissals`, 'POST', { ...finding, found: '别的字', reason: '书的作者' });
    expect(notThere.status).toBe(409);

    const before = await audits('card.privacy_dismiss');
    const marked = await adminFetch(cookie, `/cards/${card.code}/privacy-dismissals`, 'POST', { field: finding.field, kind: finding.kind, found: finding.found, reason: '是书的作者' });
    expect(marked.status).toBe(201);
    expect(await audits('card.privacy_dismiss')).toBe(before + 1);
    const again = await adminFetch(cookie, `/cards/${card.code}/privacy-dismissals`, 'POST', { field: finding.field, kind: finding.kind, found: finding.found, reason: '是书的作者' });
    expect(again.status).toBe(409);
    expect(await audits('card.privacy_dismiss')).toBe(before + 1);

    const detail = (await (await adminFetch(cookie, `/cards/${card.code}`)).json()) as { privacy: unknown[]; dismissed: { reason: string }[] };
    expect(detail.privacy).toEqual([]);
    expect(detail.dismissed.map((d) => d.reason)).toEqual(['是书的作者']);
    expect((await adminFetch(cookie, `/cards/${card.code}/review`, 'POST', {})).status).toBe(200);
    expect((await adminFetch(cookie, `/cards/${card.code}/publish`, 'POST', {})).status).toBe(200);
  });

  it('does not let a number, an account or a link be marked “不是个人信息”', async () => {
    const { card, privacy } = await create({ wish: '想要书包，电话13812345678' });
    const phone = privacy.find((p) => p.kind === 'phone')!;
    const res = await adminFetch(cookie, `/cards/${card.code}/privacy-dismissals`, 'POST', { ...phone, reason: '不是电话' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.fields.kind).toContain('不能标记');
    expect(await countRows('SELECT count(*) AS n FROM card_privacy_dismissals WHERE card_id = (SELECT id FROM cards WHERE code = ?)', card.code)).toBe(0);
  });
});

describe('the privacy gate cannot be talked round', () => {
  it('forgets a “不是个人信息” when the words are rewritten, so the new words are judged afresh', async () => {
    const { card, privacy } = await create({ wish: '想去石桥村看看外婆种的花' });
    const village = privacy.find((p) => p.kind === 'village')!;
    expect(village.found).toBe('石桥村');
    expect((await adminFetch(cookie, `/cards/${card.code}/privacy-dismissals`, 'POST', { ...village, reason: '只是去玩' })).status).toBe(201);
    const fields = { ...NEW_CARD, handoutRef: card.handoutRef, wish: '我家在石桥村，想要一个书包' };
    const edited = (await (await adminFetch(cookie, `/cards/${card.code}`, 'PUT', fields)).json()) as CardBody;
    expect(edited.privacy.map((p) => p.found)).toContain(village.found);
    expect(await countRows('SELECT count(*) AS n FROM card_privacy_dismissals WHERE card_id = (SELECT id FROM cards WHERE code = ?)', card.code)).toBe(0);
  });

  it('does not let a full name used as the alias be marked “不是个人信息”', async () => {
    const { card, privacy } = await create({ alias: '王小明' });
    const res = await adminFetch(cookie, `/cards/${card.code}/privacy-dismissals`, 'POST', { ...privacy[0]!, reason: '是小名' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.message).toContain('换一个小名');
  });

  it('refuses an alias or a wish made only of invisible characters', async () => {
    const res = await adminFetch(cookie, '/cards', 'POST', { ...NEW_CARD, handoutRef: nextRef(), alias: '\u200b', wish: '\u200b\u2060' });
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as ErrorBody).error.fields).sort()).toEqual(['alias', 'wish']);
  });
});

describe('withdrawing', () => {
  it('withdraws a draft whose wording was never reviewed (a 500 before), by API, with its audit row', async () => {
    const { card } = await create();
    const before = await audits('card.withdraw');
    const res = await adminFetch(cookie, `/cards/${card.code}/withdraw`, 'POST', { reason: '孩子转学了' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as CardBody).card).toMatchObject({ status: 'withdrawn', reviewedAt: null });
    expect(await audits('card.withdraw')).toBe(before + 1);
    const again = await adminFetch(cookie, `/cards/${card.code}/withdraw`, 'POST', { reason: '再撤一次' });
    expect(again.status).toBe(409);
    expect(await audits('card.withdraw')).toBe(before + 1);
  });
});
