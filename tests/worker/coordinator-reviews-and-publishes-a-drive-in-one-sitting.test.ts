import { env, exports } from 'cloudflare:workers';
import { publishOne } from '#worker/cards/index.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, coordinatorCookie, countRows } from '../support/api-client';
import { createCampaign, createCard, type TestCampaign, type TestCard } from '../support/factories';

let cookie = '';
let campaign: TestCampaign;
type Queued = { next: { card: { code: string; id: number }; waiting: number; blockers: string[]; findings: { kind: string }[] } | null };
type Report = { published: string[]; refused: { code: string; reasons: string[] }[] };
const audits = (action: string, code: string) =>
  countRows('SELECT count(*) AS n FROM audit_log WHERE action = ? AND json_extract(detail, ?) = ?', action, '$.code', code);
const publicCard = (code: string) => exports.default.fetch(`http://shouwang.test/api/cards/${code}`);
const queue = async (after = 0) => (await (await adminFetch(cookie, `/review?after=${after}`)).json()) as Queued;

let ready: TestCard;
let noConsent: TestCard;
let named: TestCard;

beforeAll(async () => {
  campaign = await createCampaign();
  cookie = await coordinatorCookie();
  // Imported drafts as a class teacher's file leaves them: unreviewed, most with consent on record.
  ready = await createCard({ campaignId: campaign.id, status: 'draft', consented: true, wish: '我想要一套水彩笔，画我们学校的操场。' });
  noConsent = await createCard({ campaignId: campaign.id, status: 'draft', consented: false });
  named = await createCard({ campaignId: campaign.id, status: 'draft', consented: true, wish: '我叫王小明，想要一个篮球，打电话给我妈妈13812345678' });
});

describe('the review queue', () => {
  it('shows one draft after another with what blocks it, and 跳过 moves past a card', async () => {
    const first = await queue();
    expect(first.next?.card.code).toBe(ready.code);
    expect(first.next?.waiting).toBe(3);
    expect(first.next?.blockers).toEqual([]);
    const second = await queue(first.next!.card.id);
    expect(second.next?.card.code).toBe(noConsent.code);
    expect(second.next?.blockers.join()).toMatch(/监护人同意/);
    const third = await queue(second.next!.card.id);
    expect(third.next?.card.code).toBe(named.code);
    expect(third.next?.blockers.join()).toMatch(/隐私检查/);
    expect((await queue(third.next!.card.id)).next).toBeNull();
  });

  it('publishes the chosen set and reports card by card what was refused and why, the gate reading every card', async () => {
    const res = await adminFetch(cookie, '/review/publish', 'POST', { codes: [ready.code, noConsent.code, named.code] });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.published).toEqual([ready.code]);
    const why = new Map(report.refused.map((r) => [r.code, r.reasons.join('；')]));
    expect(why.get(noConsent.code)).toMatch(/监护人同意/);
    expect(why.get(named.code)).toMatch(/隐私检查/);
    expect((await publicCard(ready.code)).status).toBe(200);
    expect((await publicCard(named.code)).status).toBe(404);
    expect((await publicCard(noConsent.code)).status).toBe(404);
    // Reviewed and published, each with its audit row; the refused ones wrote nothing.
    expect(await audits('card.review', ready.code)).toBe(1);
    expect(await audits('card.publish', ready.code)).toBe(1);
    expect(await audits('card.publish', named.code)).toBe(0);
    // Published twice is refused the second time, not published again.
    const again = (await (await adminFetch(cookie, '/review/publish', 'POST', { codes: [ready.code] })).json()) as Report;
    expect(again).toEqual({ published: [], refused: [{ code: ready.code, reasons: ['已经在墙上了'] }] });
  });

  it('需要修改 takes a draft out of the queue until someone edits it', async () => {
    const asked = await adminFetch(cookie, `/review/${named.code}/ask-changes`, 'POST', { note: '删掉名字和电话' });
    expect(asked.status).toBe(200);
    expect(await audits('card.ask_changes', named.code)).toBe(1);
    // Sent back is not approved: the card's own publish button refuses it until someone reviews it again.
    const sentBack = (await (await adminFetch(cookie, `/cards/${named.code}`)).json()) as { card: { reviewedAt: string | null }; blockers: { field: string }[] };
    expect(sentBack.card.reviewedAt).toBeNull();
    expect(sentBack.blockers.map((b) => b.field)).toContain('review');
    const codes: string[] = [];
    for (let after = 0, next = await queue(); next.next; next = await queue(after)) {
      codes.push(next.next.card.code);
      after = next.next.card.id;
    }
    expect(codes).toEqual([noConsent.code]);
    // The edit answers the request: back in the queue, the note cleared.
    const card = (await (await adminFetch(cookie, `/cards/${named.code}`)).json()) as { card: Record<string, unknown> };
    expect(card.card.changesAsked).toBe('删掉名字和电话');
    const edited = await adminFetch(cookie, `/cards/${named.code}`, 'PUT', { ...pick(card.card), wish: '我想要一个篮球。', sizeNote: '', consentOn: card.card.consentOn ?? '', consentMethod: card.card.consentMethod ?? '' });
    expect(edited.status).toBe(200);
    expect((await queue()).next?.waiting).toBe(2);
  });

  it('checks the real names typed at the queue’s tap against the words, and keeps nothing of them', async () => {
    const draft = await createCard({ campaignId: campaign.id, status: 'draft', consented: true, alias: '红红', wish: '我想要一个画板，画小红和奶奶。' });
    const coordinatorId = (await env.DB.prepare('SELECT id FROM coordinators ORDER BY id DESC LIMIT 1').first<{ id: number }>())!.id;
    const refused = await publishOne(getDb(env.DB), draft.code, coordinatorId, new Date(), '李小红 李大山');
    expect(refused.ok).toBe(false);
    expect((await publicCard(draft.code)).status).toBe(404);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE detail LIKE '%李小红%' OR detail LIKE '%李大山%'")).toBe(0);
    // Without names to check, nothing in the words stands out: published.
    expect((await publishOne(getDb(env.DB), draft.code, coordinatorId)).ok).toBe(true);
  });

  it('publishes 300 drafts in one request, each audited', async () => {
    const many: string[] = [];
    for (let i = 0; i < 300; i++) many.push((await createCard({ campaignId: campaign.id, status: 'draft', consented: true })).code);
    const res = await adminFetch(cookie, '/review/publish', 'POST', { codes: many });
    const report = (await res.json()) as Report;
    expect(res.status, JSON.stringify(report)).toBe(200);
    expect(report.refused).toEqual([]);
    expect(report.published.length).toBe(300);
    const list = JSON.stringify(many);
    expect(await countRows("SELECT count(*) AS n FROM cards WHERE status = 'open' AND reviewed_at IS NOT NULL AND code IN (SELECT value FROM json_each(?))", list)).toBe(300);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'card.publish' AND json_extract(detail, '$.code') IN (SELECT value FROM json_each(?))", list)).toBe(300);
  });

  it('refuses an empty or malformed set with a structured 400 and writes nothing', async () => {
    const before = await countRows("SELECT count(*) AS n FROM cards WHERE status = 'open'");
    for (const body of [{ codes: [] }, { codes: ['not a code'] }, {}]) {
      const res = await adminFetch(cookie, '/review/publish', 'POST', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    expect(await countRows("SELECT count(*) AS n FROM cards WHERE status = 'open'")).toBe(before);
  });
});

/** The card fields the PUT takes, from the card as the API returned it. */
function pick(card: Record<string, unknown>) {
  const { alias, age, gradeBand, category, handoutRef, notes } = card;
  return { alias, age, gradeBand, category, handoutRef, notes };
}
