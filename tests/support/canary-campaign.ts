/**
 * A campaign whose private fields hold canaries: unique strings that must never
 * come out of a door they do not belong to. Everything goes in through the real
 * API (coordinator and volunteers), so the values are stored exactly as in use,
 * onto a wall the factories built (open, claimed, fulfilled, draft and withdrawn cards).
 */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { expireClaims } from '#worker/claims/index.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { createWall } from './factories';
import { coordinator, Visitor } from './site-client';

/** What one volunteer's sign-up and claims carry that nobody else may see. */
export interface VolunteerSecrets {
  id: number;
  token: string;
  /** Their own name, mobile, e-mail, note, rejection reasons, private link token. */
  secrets: string[];
  claimIds: number[];
}

export interface CanaryCampaign {
  /** Coordinator-only card fields: hand-out references, consent records, notes, withdrawal reasons. */
  cardSecrets: string[];
  /** Every card code, whatever its state. */
  cardCodes: string[];
  /** Values of the refused spreadsheet's forbidden columns. */
  refusedImport: string[];
  a: VolunteerSecrets;
  b: VolunteerSecrets;
  /** Volunteers who are pending, rejected: their personal data is as private. */
  others: string[];
  /** A pairing's coordinator-only records: the child's register reference, the consent and record-check dates. */
  pairingSecrets: string[];
  /** Volunteer E, in an active pairing: their data and their pairing's child's alias are theirs and the console's only. */
  e: VolunteerSecrets & { pairingId: number };
  /** The coordinator's session token, its form token and the stored hashes of volunteers' links. */
  sessionSecrets: string[];
  /** Private link tokens of the pending and the rejected volunteer. */
  pendingToken: string;
  rejectedToken: string;
}

const BASE_CARD = { age: 9, gradeBand: 'middle_primary', category: 'books', wish: '想要一本画着星星和月亮的书。', sizeNote: '' };

async function expectStatus(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${await res.clone().text()}`);
  return res;
}

/** Signs a volunteer up through the API; returns their id and private token. */
async function signUp(tag: string, helpTypes = ['wish_cards']): Promise<VolunteerSecrets & { mobile: string }> {
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const mobile = `139${digits}`;
  const body = {
    name: `哨${tag}名${digits.slice(0, 4)}`,
    mobile,
    email: `cnry-${tag}-${digits}@example.org`.toLowerCase(),
    town: `哨${tag}镇${digits.slice(4)}`,
    helpTypes,
    availability: `CNRY-AVAIL-${tag}-${digits}`,
    note: `CNRY-NOTE-${tag}-${digits}`,
    agreeCode: true,
    agreePrivacy: true,
  };
  const res = await expectStatus(await new Visitor().postJson('/api/volunteers', body, { 'CF-Connecting-IP': `10.88.${digits.slice(0, 2)}.1` }), 201, `sign-up ${tag}`);
  const token = ((await res.json()) as { privateUrl: string }).privateUrl.split('/v/')[1]!;
  const row = await env.DB.prepare('SELECT id FROM volunteers WHERE mobile = ?').bind(mobile).first<{ id: number }>();
  return { id: row!.id, token, mobile, secrets: [body.name, mobile, body.email, body.town, body.availability, body.note, token], claimIds: [] };
}

/** Creates a card carrying canaries and takes it as far as `publish`. */
async function canaryCard(admin: Visitor, tag: string, publish: boolean, secrets: string[]): Promise<string> {
  const consentOn = `2019-0${1 + (secrets.length % 9)}-1${secrets.length % 10}`;
  const card = { ...BASE_CARD, alias: `星${tag}`.slice(0, 12), handoutRef: `CNRY-HREF-${tag}-7`, consentOn, consentMethod: 'paper', notes: `CNRY-CARDNOTE-${tag}` };
  const res = await expectStatus(await admin.postJson('/api/admin/cards', card), 201, `create card ${tag}`);
  const { code } = ((await res.json()) as { card: { code: string } }).card;
  secrets.push(card.handoutRef, card.notes, consentOn);
  if (publish) {
    await expectStatus(await admin.postJson(`/api/admin/cards/${code}/review`, {}), 200, `review ${tag}`);
    await expectStatus(await admin.postJson(`/api/admin/cards/${code}/publish`, {}), 200, `publish ${tag}`);
  }
  return code;
}

async function claim(who: VolunteerSecrets, code: string): Promise<number> {
  const res = await expectStatus(await new Visitor().postJson(`/api/cards/${code}/claims`, {}, { Authorization: `Bearer ${who.token}` }), 201, `claim ${code}`);
  const id = ((await res.json()) as { claim: { id: number } }).claim.id;
  who.claimIds.push(id);
  return id;
}

const volunteerStep = (who: VolunteerSecrets, id: number, step: 'cancel' | 'delivered') =>
  new Visitor().postJson(`/api/claims/${id}/${step}`, {}, { Authorization: `Bearer ${who.token}` }).then((r) => expectStatus(r, 200, `${step} ${id}`));

/** Builds a wall, then adds canary cards, volunteers and claims in every state. */
export async function seedCanaryCampaign(): Promise<CanaryCampaign> {
  // The current campaign, with a full first page of open cards and cards in every other state.
  await createWall();
  const admin = await coordinator();
  const cardSecrets: string[] = [];

  const a = await signUp('A');
  const b = await signUp('B');
  const pending = await signUp('C');
  const rejected = await signUp('D');
  for (const v of [a, b]) await expectStatus(await admin.postJson(`/api/admin/volunteers/${v.id}/approve`, {}), 200, 'approve volunteer');
  const vReject = `CNRY-VOLREJECT-D-${rejected.id}`;
  await expectStatus(await admin.postJson(`/api/admin/volunteers/${rejected.id}/reject`, { reason: vReject }), 200, 'reject volunteer');
  rejected.secrets.push(vReject);

  // Cards in every state: draft (reviewed or not), open, claimed, fulfilled, withdrawn.
  await canaryCard(admin, 'draft', false, cardSecrets);
  const withdrawn = await canaryCard(admin, 'withdrawn', true, cardSecrets);
  const withdrawReason = 'CNRY-WITHDRAW-REASON';
  await expectStatus(await admin.postJson(`/api/admin/cards/${withdrawn}/withdraw`, { reason: withdrawReason }), 200, 'withdraw');
  cardSecrets.push(withdrawReason);
  const codes = [];
  for (const tag of ['open', 'pending', 'approved', 'delivered', 'received', 'rejected', 'cancelled', 'expired', 'bpending']) {
    codes.push(await canaryCard(admin, tag, true, cardSecrets));
  }
  const [, cPending, cApproved, cDelivered, cReceived, cRejected, cCancelled, cExpired, cBPending] = codes as [string, ...string[]];

  // A's claims: pending, approved, delivered.
  await claim(a, cPending!);
  const aApproved = await claim(a, cApproved!);
  await expectStatus(await admin.postJson(`/api/admin/claims/${aApproved}/approve`, {}), 200, 'approve claim');
  const aDelivered = await claim(a, cDelivered!);
  await expectStatus(await admin.postJson(`/api/admin/claims/${aDelivered}/approve`, {}), 200, 'approve claim');
  await volunteerStep(a, aDelivered, 'delivered');

  // B's claims: received, rejected (with a reason only B should read), cancelled, expired, pending.
  const bReceived = await claim(b, cReceived!);
  await expectStatus(await admin.postJson(`/api/admin/claims/${bReceived}/approve`, {}), 200, 'approve claim');
  await volunteerStep(b, bReceived, 'delivered');
  await expectStatus(await admin.postJson(`/api/admin/claims/${bReceived}/receive`, {}), 200, 'receive');
  const bRejected = await claim(b, cRejected!);
  const claimReject = `CNRY-CLAIMREJECT-B-${bRejected}`;
  await expectStatus(await admin.postJson(`/api/admin/claims/${bRejected}/reject`, { reason: claimReject }), 200, 'reject claim');
  b.secrets.push(claimReject);
  await volunteerStep(b, await claim(b, cCancelled!), 'cancel');
  const bExpired = await claim(b, cExpired!);
  // Time passes for this one claim only: it was made long ago, then the hourly job runs.
  await env.DB.prepare('UPDATE claims SET created_at = created_at - 90 * 86400000 WHERE id = ?').bind(bExpired).run();
  await expireClaims(getDb(env.DB));
  await claim(b, cBPending!);
  const states = await env.DB.prepare('SELECT status FROM claims WHERE id IN (SELECT value FROM json_each(?)) ORDER BY status').bind(JSON.stringify([...a.claimIds, ...b.claimIds])).all<{ status: string }>();
  expect(new Set(states.results.map((r) => r.status))).toEqual(new Set(['pending', 'approved', 'delivered', 'received', 'rejected', 'cancelled', 'expired']));

  // E pairs with a child: the child's record, the consent and the record check are the console's alone.
  const e = await signUp('E', ['pairing']);
  await expectStatus(await admin.postJson(`/api/admin/volunteers/${e.id}/approve`, {}), 200, 'approve volunteer E');
  const asE = { Authorization: `Bearer ${e.token}` };
  const offer = await expectStatus(await new Visitor().postJson('/api/me/pairings', { kind: 'proxy_parent', frequency: 'monthly', agreeConduct: true }, asE), 201, 'offer');
  const pairingId = ((await offer.json()) as { pairing: { id: number } }).pairing.id;
  const child = { registerRef: `CNRY-REG-${e.id}7`, alias: '禾苗', gradeBand: 'upper_primary' };
  const made = await expectStatus(await admin.postJson('/api/admin/pairings/children', child), 201, 'pairing child');
  const childId = ((await made.json()) as { child: { id: number } }).child.id;
  const safeguards = { consentOn: '2018-03-07', consentMethod: 'paper', recordCheckedOn: '2018-04-09' };
  await expectStatus(await admin.postJson(`/api/admin/pairings/${pairingId}/propose`, { child: childId }), 200, 'propose');
  await expectStatus(await admin.postJson(`/api/admin/pairings/${pairingId}/safeguards`, safeguards), 200, 'safeguards');
  await expectStatus(await admin.postJson(`/api/admin/pairings/${pairingId}/activate`, {}), 200, 'activate');
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await expectStatus(await new Visitor().postJson(`/api/me/pairings/${pairingId}/contacts`, { on: today, kind: 'talk', minutes: 37, callMe: true }, asE), 201, 'contact');
  e.secrets.push(child.alias);

  // A class teacher's spreadsheet with the columns that must never be uploaded.
  const refusedImport = ['CNRYCHILD真名甲', 'CNRY-CLASS-3-2', '13700009999'];
  const csv = `\uFEFF称呼,年龄,年级段,类别,心愿,学校登记编号,孩子姓名,班级,监护人电话\r\n小禾,9,中年级,图书,想要一本字典,REG-2026-901,${refusedImport.join(',')}\r\n`;
  const imported = await admin.postJson('/api/admin/import', { fileBase64: btoa(String.fromCharCode(...new TextEncoder().encode(csv))) });
  await expectStatus(imported, 422, 'import with forbidden columns');

  const { results } = await env.DB.prepare('SELECT code FROM cards').all<{ code: string }>();
  const consolePage = await (await admin.visit('/admin/')).text();
  const csrf = consolePage.match(/name="_csrf" value="([^"]+)"/)![1]!;
  const hashes = await env.DB.prepare('SELECT access_token_hash AS h FROM volunteers WHERE access_token_hash IS NOT NULL').all<{ h: string }>();
  return {
    cardSecrets,
    cardCodes: results.map((r) => r.code),
    refusedImport,
    a,
    b,
    others: [...pending.secrets, ...rejected.secrets],
    pairingSecrets: [child.registerRef, safeguards.consentOn, safeguards.recordCheckedOn],
    e: { ...e, pairingId },
    sessionSecrets: [admin.jar.get('sw_admin')!, csrf, ...hashes.results.map((r) => r.h)],
    pendingToken: pending.token,
    rejectedToken: rejected.token,
  };
}
