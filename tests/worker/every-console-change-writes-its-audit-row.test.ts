import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, coordinatorCookie, countRows, NEW_CARD, nextRef } from '../support/api-client';
import { createCampaign, createVolunteer, rememberCampaignSettings, type TestCampaign } from '../support/factories';
import { offerPairing } from '#worker/pairings/index.ts';
import { getDb } from '#worker/platform/db/client.ts';

let cookie = '';
let draft = '';
/** This file's campaign, the current one: the console's cards and settings are its. */
let campaign: TestCampaign;

beforeAll(async () => {
  campaign = await createCampaign();
  cookie = await coordinatorCookie();
  const res = await adminFetch(cookie, '/cards', 'POST', { ...NEW_CARD, consentOn: '2026-11-18', consentMethod: 'paper' });
  draft = ((await res.json()) as { card: { code: string } }).card.code;
  const volunteer = await createVolunteer({ helpTypes: ['pairing'] });
  const offer = await offerPairing(getDb(env.DB), volunteer.id, { kind: 'mentor', preferredGradeBand: null, frequency: 'monthly', agreeConduct: true });
  pairing.id = (offer as { pairingId: number }).pairingId;
});

/** The pairing the console's pairing operations walk through, and what they create on the way. */
const pairing = { id: 0, child: 0, contact: 0 };
const CHILD = { registerRef: 'AUDIT-2026-77', alias: '小麦', gradeBand: 'lower_primary' };
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** Calls the admin API and keeps an id from the answer. */
async function keeping(path: string, body: unknown, keep: (json: Record<string, { id: number }>) => void): Promise<Response> {
  const res = await adminFetch(cookie, path, 'POST', body);
  if (res.ok) keep((await res.clone().json()) as Record<string, { id: number }>);
  return res;
}

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
  { name: 'record a child for pairing', action: 'pairing_child.create', call: () => keeping('/pairings/children', CHILD, (j) => (pairing.child = j.child!.id)) },
  { name: 'match an offer to a child', action: 'pairing.propose', call: () => adminFetch(cookie, `/pairings/${pairing.id}/propose`, 'POST', { child: pairing.child }) },
  { name: 'record consent and the record check', action: 'pairing.safeguards', call: () => adminFetch(cookie, `/pairings/${pairing.id}/safeguards`, 'POST', { consentOn: today, consentMethod: 'phone', recordCheckedOn: today }) },
  { name: 'start a pairing', action: 'pairing.activate', call: () => adminFetch(cookie, `/pairings/${pairing.id}/activate`, 'POST', {}) },
  { name: 'log a contact for a volunteer', action: 'contact.log', call: () => keeping(`/pairings/${pairing.id}/contacts`, { on: today, kind: 'talk', minutes: 30, callMe: true }, (j) => (pairing.contact = j.contact!.id)) },
  { name: 'correct a contact', action: 'contact.correct', call: () => adminFetch(cookie, `/pairings/contacts/${pairing.contact}/correct`, 'POST', { on: today, kind: 'talk', minutes: 45 }) },
  { name: 'mark a call request handled', action: 'contact.flag_handled', call: () => adminFetch(cookie, `/pairings/contacts/${pairing.contact}/call-handled`, 'POST', {}) },
  { name: 'suspend a pairing', action: 'pairing.suspend', call: () => adminFetch(cookie, `/pairings/${pairing.id}/suspend`, 'POST', {}) },
  { name: 'resume a pairing', action: 'pairing.resume', call: () => adminFetch(cookie, `/pairings/${pairing.id}/resume`, 'POST', {}) },
  { name: 'end a pairing', action: 'pairing.end', call: () => adminFetch(cookie, `/pairings/${pairing.id}/end`, 'POST', { reason: 'term_over' }) },
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
    // Nor a pairing child's register reference or alias.
    expect(all).not.toContain(CHILD.registerRef);
    expect(all).not.toContain(CHILD.alias);
  });
});
