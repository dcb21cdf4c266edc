/**
 * Data a browser test makes for itself on the served local stack (tests/support/serve-built-site.ts),
 * through the site's own API, as the coordinator and a volunteer would: a card on the wall, a
 * volunteer with a private link, a claim taken as far as a step. The stack is loaded with the demo,
 * whose coordinator does the console's part; nothing here depends on the demo's cards or volunteers.
 */
import { inject } from 'vitest';
import { DEMO_COORDINATOR } from './demo/demo-data';

let made = 0;
const base = () => inject('baseUrl');

async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  const res = await fetch(`${base()}${path}`, {
    method: init.method ?? 'GET',
    headers: { Origin: base(), ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

let session: Promise<string> | undefined;
/** The demo coordinator's session cookie (name=value), logged in once through the API. */
function coordinatorCookie(): Promise<string> {
  session ??= call('/api/admin/login', { method: 'POST', body: { username: DEMO_COORDINATOR.username, password: DEMO_COORDINATOR.password } }).then(
    (res) => res.headers.get('Set-Cookie')!.split(';')[0]!,
  );
  return session;
}

const asCoordinator = async (path: string, body: unknown = {}) => call(`/api/admin${path}`, { method: 'POST', body, headers: { Cookie: await coordinatorCookie() } });

/** A draft as an imported class-teacher's row leaves one: unreviewed, with the guardian's consent on record unless told otherwise. Its code. */
export async function draftCard(fields: { wish?: string; consented?: boolean } = {}): Promise<string> {
  const consented = fields.consented ?? true;
  const card = {
    alias: '晴晴',
    age: 9,
    gradeBand: 'middle_primary',
    category: 'books',
    wish: fields.wish ?? '想要一本讲星星的书。',
    sizeNote: '',
    handoutRef: `BROWSER-${Date.now().toString(36)}-${++made}`,
    consentOn: consented ? '2026-11-18' : '',
    consentMethod: consented ? 'paper' : '',
    notes: '',
  };
  return ((await (await asCoordinator('/cards', card)).json()) as { card: { code: string } }).card.code;
}

/**
 * A class teacher's file imported through the API as drafts, one row per wish (with consent on record):
 * the drafts' codes, in the file's order.
 */
export async function importedDrafts(wishes: string[]): Promise<string[]> {
  const tag = `IMP-${Date.now().toString(36)}-${++made}`;
  const rows = wishes.map((w, i) => ['晴晴', '9', '小学三四年级', '图书', w, '', `${tag}-${i}`, '2026-11-18', '纸质回执', ''].join(','));
  const csv = `\uFEFF称呼,年龄,年级段,类别,心愿,尺码说明,学校登记编号,监护人同意日期,同意方式,备注\r\n${rows.join('\r\n')}`;
  await asCoordinator('/import', { fileBase64: Buffer.from(csv, 'utf8').toString('base64') });
  const codes = new Map<string, string>();
  for (let page = 1; codes.size < wishes.length; page++) {
    const res = await call(`/api/admin/cards?status=draft&q=&page=${page}`, { headers: { Cookie: await coordinatorCookie() } });
    const list = (await res.json()) as { cards: { code: string; handoutRef: string }[] };
    if (!list.cards.length) break;
    for (const c of list.cards) if (c.handoutRef.startsWith(tag)) codes.set(c.handoutRef, c.code);
  }
  return wishes.map((_, i) => codes.get(`${tag}-${i}`)!);
}

/** A card's public status as the wall's API tells it, or 404 while it is not on the wall. */
export async function wallStatus(code: string): Promise<string | 404> {
  const res = await fetch(`${base()}/api/cards/${code}`);
  return res.status === 404 ? 404 : ((await res.json()) as { card: { status: string } }).card.status;
}

/** A card created, reviewed and published by the coordinator: its code. */
export async function publishedCard(fields: { alias?: string; wish?: string; category?: string } = {}): Promise<string> {
  const card = {
    alias: fields.alias ?? '晴晴',
    age: 9,
    gradeBand: 'middle_primary',
    category: fields.category ?? 'stationery',
    wish: fields.wish ?? '想要一个能装下所有彩笔的笔袋。',
    sizeNote: '',
    handoutRef: `BROWSER-${Date.now().toString(36)}-${++made}`,
    consentOn: '2026-11-18',
    consentMethod: 'paper',
    notes: '',
  };
  const { code } = ((await (await asCoordinator('/cards', card)).json()) as { card: { code: string } }).card;
  await asCoordinator(`/cards/${code}/review`);
  await asCoordinator(`/cards/${code}/publish`);
  return code;
}

/** A volunteer signed up through the API (and approved by the coordinator unless `pending`): their private link's token. */
export async function volunteer(status: 'approved' | 'pending' = 'approved'): Promise<string> {
  return (await volunteerWithId(status)).token;
}

/** A volunteer as `volunteer()` makes one, with the id the console knows them by and their mobile. */
export async function volunteerWithId(status: 'approved' | 'pending' = 'approved', helpTypes = ['wish_cards']): Promise<{ token: string; id: number; mobile: string; name: string }> {
  const mobile = `137${String(Date.now() % 1e4).padStart(4, '0')}${String(++made).padStart(4, '0')}`;
  const signup = { name: `浏览器志愿者${made}`, mobile, town: '青石镇', helpTypes, agreeCode: true, agreePrivacy: true };
  const res = await call('/api/volunteers', { method: 'POST', body: signup, headers: { 'CF-Connecting-IP': `10.201.${made % 250}.1` } });
  const token = ((await res.json()) as { privateUrl: string }).privateUrl.split('/v/')[1]!;
  const list = (await (await call(`/api/admin/volunteers?q=${mobile}`, { headers: { Cookie: await coordinatorCookie() } })).json()) as { volunteers: { id: number }[] };
  const id = list.volunteers[0]!.id;
  if (status === 'approved') await asCoordinator(`/volunteers/${id}/approve`);
  return { token, id, mobile, name: signup.name };
}

/** A card claimed by the volunteer and taken as far as `until`: the card's code and the claim's id. */
export async function claimedCard(token: string, until: 'approved' | 'delivered'): Promise<{ code: string; claimId: number }> {
  const code = await publishedCard();
  const bearer = { Authorization: `Bearer ${token}` };
  const res = await call(`/api/cards/${code}/claims`, { method: 'POST', body: {}, headers: bearer });
  const claimId = ((await res.json()) as { claim: { id: number } }).claim.id;
  await asCoordinator(`/claims/${claimId}/approve`);
  if (until === 'delivered') await call(`/api/claims/${claimId}/delivered`, { method: 'POST', body: {}, headers: bearer });
  return { code, claimId };
}

/**
 * The coordinator's side of a pairing, through the console's API: a child recorded for it, the
 * offer matched to that child, consent and the record check on record, the pairing started.
 */
export async function startPairing(pairingId: number, alias = '小满'): Promise<void> {
  const child = await asCoordinator('/pairings/children', { registerRef: `BR-${Date.now().toString(36)}-${++made}`, alias, gradeBand: 'middle_primary' });
  const childId = ((await child.json()) as { child: { id: number } }).child.id;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await asCoordinator(`/pairings/${pairingId}/propose`, { child: childId });
  await asCoordinator(`/pairings/${pairingId}/safeguards`, { consentOn: today, consentMethod: 'paper', recordCheckedOn: today });
  await asCoordinator(`/pairings/${pairingId}/activate`);
}

/** The pairings the coordinator's API lists, by status. */
export async function consolePairings(status = ''): Promise<{ id: number; volunteerId: number; status: string; callRequests: number }[]> {
  return ((await (await call(`/api/admin/pairings?status=${status}`, { headers: { Cookie: await coordinatorCookie() } })).json()) as { pairings: { id: number; volunteerId: number; status: string; callRequests: number }[] }).pairings;
}

/** A volunteer's offer to pair, through their API: the pairing's id. */
export async function offerToPair(token: string, kind: 'proxy_parent' | 'mentor' = 'proxy_parent'): Promise<number> {
  const res = await call('/api/me/pairings', { method: 'POST', body: { kind, frequency: 'monthly', agreeConduct: true }, headers: { Authorization: `Bearer ${token}` } });
  return ((await res.json()) as { pairing: { id: number } }).pairing.id;
}
