/**
 * Property-based: any sequence of claim steps by volunteers and a coordinator
 * (duplicated, out of order, on the wrong claim or card) keeps the wall's
 * promises: at most one holding claim per card, each card's status matching its
 * claims, the claim cap kept, one audit row per accepted step and none per refusal.
 */
import fc from 'fast-check';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseDigest } from '../support/db-digest';
import { createCampaign, createCard } from '../support/factories';
import { coordinator, Visitor } from '../support/site-client';

const CAP = 3;
let admin: Visitor;
let tokens: string[] = [];
let cardCodes: string[] = [];

async function signUp(i: number): Promise<{ id: number; token: string }> {
  const mobile = `1370000${String(1000 + i)}`;
  const res = await new Visitor().postJson('/api/volunteers', { name: `序列${i}`, mobile, town: '青石镇', helpTypes: ['wish_cards'], agreeCode: true, agreePrivacy: true });
  const token = ((await res.json()) as { privateUrl: string }).privateUrl.split('/v/')[1]!;
  const row = await env.DB.prepare('SELECT id FROM volunteers WHERE mobile = ?').bind(mobile).first<{ id: number }>();
  return { id: row!.id, token };
}

beforeAll(async () => {
  // The current campaign, with the cap the invariants check, and a wall of open cards.
  const campaign = await createCampaign({ claimCap: CAP });
  for (let i = 0; i < 8; i++) await createCard({ campaignId: campaign.id, status: 'open' });
  admin = await coordinator();
  const people = [await signUp(1), await signUp(2), await signUp(3)];
  // Two approved volunteers and one still waiting to be vetted.
  for (const p of people.slice(0, 2)) await admin.postJson(`/api/admin/volunteers/${p.id}/approve`, {});
  tokens = people.map((p) => p.token);
  const { results } = await env.DB.prepare("SELECT code FROM cards WHERE status = 'open' ORDER BY id LIMIT 5").all<{ code: string }>();
  cardCodes = results.map((r) => r.code);
});

type Step =
  | { kind: 'claim'; who: number; card: number }
  | { kind: 'cancel' | 'delivered'; who: number; claim: number }
  | { kind: 'approve' | 'reject' | 'receive'; claim: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('claim' as const), who: fc.nat({ max: 2 }), card: fc.nat({ max: 4 }) }),
  fc.record({ kind: fc.constantFrom('cancel' as const, 'delivered' as const), who: fc.nat({ max: 2 }), claim: fc.nat({ max: 30 }) }),
  fc.record({ kind: fc.constantFrom('approve' as const, 'reject' as const, 'receive' as const), claim: fc.nat({ max: 30 }) }),
);
/** Steps, some of them sent twice in a row (a double tap, a retried request). */
const steps = fc.array(fc.tuple(step, fc.boolean()), { minLength: 5, maxLength: 25 }).map((list) => list.flatMap(([s, twice]) => (twice ? [s, s] : [s])));

async function send(s: Step, claimIds: number[]): Promise<Response> {
  const claimId = 'claim' in s ? (claimIds[s.claim % Math.max(claimIds.length, 1)] ?? 999_999) : 0;
  switch (s.kind) {
    case 'claim':
      return new Visitor().postJson(`/api/cards/${cardCodes[s.card]}/claims`, {}, { Authorization: `Bearer ${tokens[s.who]}` });
    case 'cancel':
    case 'delivered':
      return new Visitor().postJson(`/api/claims/${claimId}/${s.kind}`, {}, { Authorization: `Bearer ${tokens[s.who]}` });
    default:
      return admin.postJson(`/api/admin/claims/${claimId}/${s.kind}`, s.kind === 'reject' ? { reason: '名额已满' } : {});
  }
}

async function checkInvariants(): Promise<void> {
  const all = <T>(sql: string) => env.DB.prepare(sql).all<T>().then((r) => r.results);
  // Each card's status follows from its claims.
  const cards = await all<{ code: string; status: string; holding: number; received: number }>(`
    SELECT c.code, c.status,
      (SELECT count(*) FROM claims WHERE card_id = c.id AND status IN ('pending','approved','delivered')) AS holding,
      (SELECT count(*) FROM claims WHERE card_id = c.id AND status = 'received') AS received
    FROM cards c WHERE c.code IN (SELECT value FROM json_each('${JSON.stringify(cardCodes)}'))`);
  for (const c of cards) {
    expect(c.holding + c.received, c.code).toBeLessThanOrEqual(1);
    expect(c.status, c.code).toBe(c.received ? 'fulfilled' : c.holding ? 'claimed' : 'open');
  }
  const live = await all<{ n: number }>("SELECT count(*) AS n FROM claims WHERE status IN ('pending','approved','delivered') GROUP BY volunteer_id");
  for (const v of live) expect(v.n).toBeLessThanOrEqual(CAP);
  // The pending volunteer's claims are never approved.
  const approvedUnvetted = await all<{ n: number }>("SELECT count(*) AS n FROM claims cl JOIN volunteers v ON v.id = cl.volunteer_id WHERE v.status <> 'approved' AND cl.status IN ('approved','delivered','received')");
  expect(approvedUnvetted[0]!.n).toBe(0);
}

describe('claims under duplicate and out-of-order steps', () => {
  it('keep every promise of the wall after each step', async () => {
    const claimAudits = () => env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE subject_kind = 'claim'").first<{ n: number }>().then((r) => r!.n);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        // Every run starts from an empty wall for these cards: earlier runs' claims are ended.
        await env.DB.batch([
          env.DB.prepare(`DELETE FROM claims WHERE card_id IN (SELECT id FROM cards WHERE code IN (SELECT value FROM json_each(?)))`).bind(JSON.stringify(cardCodes)),
          env.DB.prepare(`UPDATE cards SET status = 'open' WHERE code IN (SELECT value FROM json_each(?))`).bind(JSON.stringify(cardCodes)),
        ]);
        const claimIds: number[] = [];
        for (const s of sequence) {
          const before = await databaseDigest();
          const audits = await claimAudits();
          const res = await send(s, claimIds);
          expect(res.status, JSON.stringify(s)).toBeLessThan(500);
          const body = (await res.json()) as { claim?: { id: number }; error?: { code: string } };
          if (res.status < 300) {
            accepted++;
            if (body.claim && s.kind === 'claim') claimIds.push(body.claim.id);
            expect(await claimAudits(), `${s.kind} accepted without its audit row`).toBe(audits + 1);
          } else {
            expect(body.error?.code, JSON.stringify(s)).toBeTypeOf('string');
            expect(await databaseDigest(), `${s.kind} refused (${body.error?.code}) but wrote`).toEqual(before);
          }
          await checkInvariants();
        }
      }),
      { numRuns: 30 },
    );
    // The sequences did reach the accepting paths, not only refusals.
    expect(accepted).toBeGreaterThan(30);
  });
});
