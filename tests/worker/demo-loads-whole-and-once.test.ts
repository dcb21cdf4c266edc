import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '#worker/platform/auth/password.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { checkCardPrivacy } from '#worker/privacy/index.ts';
import { privacyContext } from '#worker/cards/index.ts';
import { childWordFindings, listConsolePairings, pairingQueueCounts } from '#worker/pairings/index.ts';
import { DEMO_CARDS, DEMO_COORDINATOR, DEMO_PAST_CARDS, DEMO_PAIRING_CHILDREN, DEMO_SCHOOL } from '../support/demo/demo-data';
import { loadDemo } from '../support/demo/load-demo';
import { campaignRecord } from '#worker/campaigns/index.ts';

async function counts() {
  const out: Record<string, number> = {};
  for (const table of ['schools', 'campaigns', 'cards', 'card_private', 'volunteers', 'claims', 'coordinators', 'pairing_children', 'pairings', 'pairing_contacts']) {
    out[table] = (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;
  }
  return out;
}

describe('the demo data set', () => {
  it('loads a school, a winter campaign, about 40 cards in every state, volunteers, claims and the demo coordinator', async () => {
    await loadDemo(getDb(env.DB));
    expect(await counts()).toEqual({
      schools: 1,
      // This winter's, open, and last winter's, archived.
      campaigns: 2,
      cards: 52,
      card_private: 52,
      volunteers: 5,
      claims: 18,
      coordinators: 1,
      pairing_children: 2,
      pairings: 3,
      pairing_contacts: 4,
    });
    const { results } = await env.DB.prepare('SELECT status, count(*) AS n FROM cards WHERE campaign_id = 1 GROUP BY status ORDER BY status').all();
    expect(results).toEqual([
      { status: 'claimed', n: 6 },
      { status: 'draft', n: 4 },
      { status: 'fulfilled', n: 4 },
      { status: 'open', n: 24 },
      { status: 'withdrawn', n: 2 },
    ]);
    const categories = await env.DB.prepare('SELECT count(DISTINCT category) AS n FROM cards').first<{ n: number }>();
    expect(categories?.n).toBe(6);
  });

  it('keeps last winter’s drive archived, with its public record: volunteers’ gifts and the school’s counted apart', async () => {
    await loadDemo(getDb(env.DB));
    const record = await campaignRecord(getDb(env.DB), '2025-12');
    expect(record).toMatchObject({ status: 'archived', wishes: 11, byVolunteers: 8, bySchool: 3, volunteers: 2 });
    expect(record!.thankYou).not.toBe('');
  });

  it('gives the same data when loaded again, not duplicates', async () => {
    await loadDemo(getDb(env.DB));
    const first = await counts();
    await loadDemo(getDb(env.DB));
    expect(await counts()).toEqual(first);
  });

  it('lets the demo coordinator log in with the documented password', async () => {
    await loadDemo(getDb(env.DB));
    const row = await env.DB.prepare('SELECT password_hash AS hash, password_salt AS salt, password_iterations AS iterations FROM coordinators WHERE username = ?')
      .bind(DEMO_COORDINATOR.username)
      .first<{ hash: string; salt: string; iterations: number }>();
    expect(row).not.toBeNull();
    expect(await verifyPassword(DEMO_COORDINATOR.password, row!)).toBe(true);
    expect(await verifyPassword('wrong-password', row!)).toBe(false);
  });

  it('has only cards the privacy gate lets through', () => {
    const ctx = { schoolNames: [DEMO_SCHOOL.name], villageNames: ['柳树村', '下河湾'] };
    for (const card of [...DEMO_CARDS, ...DEMO_PAST_CARDS]) expect(checkCardPrivacy({ ...card, sizeNote: null }, ctx), card.alias).toEqual([]);
  });

  it('shows the pairing queues: one offer to match, one overdue pairing whose volunteer asked for a call, one on time; its children pass the privacy gate', async () => {
    await loadDemo(getDb(env.DB));
    const db = getDb(env.DB);
    expect(await pairingQueueCounts(db)).toEqual({ offers: 1, overdue: 1, callRequests: 1 });
    const active = await listConsolePairings(db, { status: 'active' });
    expect(active.map((p) => [p.childAlias, p.overdue])).toEqual([['阿朵', true], ['小芽', false]]);
    const ctx = await privacyContext(db);
    for (const child of DEMO_PAIRING_CHILDREN) expect(childWordFindings(child, ctx), child.alias).toEqual([]);
  });
});
