import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, coordinatorCookie, countRows, NEW_CARD, nextRef } from '../support/api-client';
import { createCampaign, rememberCampaignSettings, type TestCampaign } from '../support/factories';

let cookie = '';
let draft = '';
/** This file's campaign, the current one: the console's cards and settings are its. */
let campaign: TestCampaign;

beforeAll(async () => {
  campaign = await createCampaign();
  cookie = await coordinatorCookie();
  const res = await adminFetch(cookie, '/cards', 'POST', { ...NEW_CARD, consentOn: '2026-11-18', consentMethod: 'paper' });
  draft = ((await res.json()) as { card: { code: string } }).card.code;
});

/** Every state-changing console operation and the audit action it must write. */
const operations: { name: string; action: string; call: () => Promise<Response> }[] = [
  { name: 'create a card', action: 'card.create', call: () => adminFetch(cookie, '/cards', 'POST', { ...NEW_CARD, handoutRef: nextRef() }) },
  { name: 'edit a card', action: 'card.edit', call: () => adminFetch(cookie, `/cards/${draft}`, 'PUT', { ...NEW_CARD, consentOn: '2026-11-18', consentMethod: 'paper', notes: '已核对' }) },
  { name: 'review a card', action: 'card.review', call: () => adminFetch(cookie, `/cards/${draft}/review`, 'POST', {}) },
  { name: 'publish a card', action: 'card.publish', call: () => adminFetch(cookie, `/cards/${draft}/publish`, 'POST', {}) },
  { name: 'withdraw a card', action: 'card.withdraw', call: () => adminFetch(cookie, `/cards/${draft}/withdraw`, 'POST', { reason: '测试撤下' }) },
  {
    name: 'edit the campaign',
    action: 'campaign.edit',
    call: async () => {
      const restore = await rememberCampaignSettings(campaign.id);
      try {
        const settings = (await (await adminFetch(cookie, '/campaign')).json()) as { campaign: object };
        return await adminFetch(cookie, '/campaign', 'PUT', { ...settings.campaign, valueGuide: '每份礼物 50–80 元' });
      } finally {
        await restore();
      }
    },
  },
];

describe('every console change writes its audit row with it', () => {
  it.each(operations)('$name writes $action', async ({ action, call }) => {
    const before = await countRows('SELECT count(*) AS n FROM audit_log WHERE action = ? AND actor_kind = ?', action, 'coordinator');
    const res = await call();
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    expect(await countRows('SELECT count(*) AS n FROM audit_log WHERE action = ? AND actor_kind = ?', action, 'coordinator')).toBe(before + 1);
  });

  it('never puts a child’s or volunteer’s words into the audit trail', async () => {
    const { results } = await env.DB.prepare('SELECT detail FROM audit_log').all<{ detail: string }>();
    const all = results.map((r) => r.detail).join('\n');
    expect(all).not.toContain(NEW_CARD.wish);
    expect(all).not.toContain(NEW_CARD.handoutRef);
    expect(all).not.toContain('已核对');
  });
});
