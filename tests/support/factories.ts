/**
 * Small factories for the tests that run inside workerd (projects "worker" and "site"), in the
 * shape of epic-stack's tests/db-utils.ts: each writes one thing to the real local D1 through
 * drizzle, with values no other call has used, and returns what a test needs (id, code, token,
 * password). Nothing here reads the demo: a test makes the data it depends on.
 *
 * The app's "current campaign" is the latest one that has started (worker/cards/public.ts), and
 * storage is isolated per test file, not per test: a campaign made later with the default dates
 * becomes the current one for the rest of the file. Pass an earlier `startsAt` for a campaign
 * that should stay in the background.
 */
import { env, exports } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { newCardCode } from '#worker/cards/index.ts';
import { hashPassword } from '#worker/platform/auth/password.ts';
import { hashToken, newToken } from '#worker/platform/auth/token.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { campaigns, cardPrivate, cards, claims, coordinators, schools, volunteers } from '#worker/platform/db/schema.ts';
import { currentCampaign } from '#worker/cards/index.ts';
import { createPairingChild, logContact, movePairing, offerPairing, proposePairing, recordSafeguards } from '#worker/pairings/index.ts';
import { CARD_CATEGORIES, GRADE_BANDS, type CampaignStatus, type CardCategory, type CardStatus, type ClaimStatus, type GradeBand, type HelpType, type VolunteerStatus } from '#worker/vocabulary.ts';

export const DAY = 24 * 60 * 60 * 1000;
const db = () => getDb(env.DB);

let sequence = 0;
/** A short value unique in this test run: a counter and a random tail. */
export function unique(prefix = ''): string {
  return `${prefix}${(++sequence).toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

/** An 11-digit mainland mobile number nobody in this database has. */
function uniqueMobile(): string {
  return `13${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}${String(++sequence % 1e4).padStart(4, '0')}`;
}

const daysFromNow = (days: number, now = Date.now()) => new Date(now + days * DAY);

export interface TestSchool {
  id: number;
  name: string;
}

export async function createSchool(fields: { name?: string; villageNames?: string[] } = {}): Promise<TestSchool> {
  const tag = unique();
  const [row] = await db()
    .insert(schools)
    .values({
      slug: `school-${tag}`,
      name: fields.name ?? `测试学校${tag}`,
      town: '测试镇',
      address: '测试镇学校路 1 号，学校传达室',
      officePhone: '0000-5550199',
      villageNames: JSON.stringify(fields.villageNames ?? []),
    })
    .returning({ id: schools.id, name: schools.name });
  return row!;
}

export interface TestCampaign {
  id: number;
  schoolId: number;
  name: string;
  claimCap: number;
}

/** A campaign of its own school, open for claims (started 10 days ago, deadlines weeks away) unless told otherwise. */
export async function createCampaign(
  fields: { startsAt?: Date; claimDeadline?: Date; dropoffDeadline?: Date; claimCap?: number; approveWithinDays?: number; deliverWithinDays?: number; villageNames?: string[]; status?: CampaignStatus; schoolId?: number } = {},
): Promise<TestCampaign> {
  const school = fields.schoolId ? { id: fields.schoolId } : await createSchool({ villageNames: fields.villageNames });
  const tag = unique();
  const [row] = await db()
    .insert(campaigns)
    .values({
      schoolId: school.id,
      slug: `campaign-${tag}`,
      name: `测试心愿活动${tag}`,
      summary: '',
      startsAt: fields.startsAt ?? daysFromNow(-10),
      claimDeadline: fields.claimDeadline ?? daysFromNow(45),
      dropoffDeadline: fields.dropoffDeadline ?? daysFromNow(60),
      dropoffPlace: '学校传达室',
      valueGuide: '每份礼物建议 50–100 元',
      claimCap: fields.claimCap ?? 3,
      approveWithinDays: fields.approveWithinDays ?? 3,
      deliverWithinDays: fields.deliverWithinDays ?? 14,
      status: fields.status ?? 'open',
    })
    .returning({ id: campaigns.id, schoolId: campaigns.schoolId, name: campaigns.name, claimCap: campaigns.claimCap });
  return row!;
}

/** The campaign the app now treats as current; one is made if there is none yet. */
async function theCampaignId(): Promise<number> {
  return (await currentCampaign(db()))?.id ?? (await createCampaign()).id;
}

export interface TestCoordinator {
  id: number;
  username: string;
  password: string;
  displayName: string;
}

export async function createCoordinator(fields: { username?: string; password?: string; displayName?: string } = {}): Promise<TestCoordinator> {
  const username = fields.username ?? unique('coordinator-');
  const password = fields.password ?? `${unique('pass-')}-long-enough`;
  const displayName = fields.displayName ?? '测试协调员';
  const hash = await hashPassword(password);
  const [row] = await db()
    .insert(coordinators)
    .values({ username, displayName, passwordHash: hash.hash, passwordSalt: hash.salt, passwordIterations: hash.iterations })
    .returning({ id: coordinators.id });
  return { id: row!.id, username, password, displayName };
}

let loginAddress = 0;
/** A coordinator made for the test and logged in through the API, with the session cookie (name=value). */
export async function createLoggedInCoordinator(coordinator?: TestCoordinator): Promise<TestCoordinator & { cookie: string }> {
  const who = coordinator ?? (await createCoordinator());
  const res = await exports.default.fetch('http://shouwang.test/api/admin/login', {
    method: 'POST',
    // A fresh client address per login keeps the login throttle out of the way.
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `10.${200 + (++loginAddress % 50)}.${Math.floor(Math.random() * 250)}.${loginAddress % 250}` },
    body: JSON.stringify({ username: who.username, password: who.password }),
  });
  if (res.status !== 200) throw new Error(`login of ${who.username} failed: ${res.status} ${await res.text()}`);
  return { ...who, cookie: res.headers.get('Set-Cookie')!.split(';')[0]! };
}

export interface TestCard {
  id: number;
  code: string;
  alias: string;
  wish: string;
  category: CardCategory;
  gradeBand: GradeBand;
  status: CardStatus;
  handoutRef: string;
  campaignId: number;
}

/** Nicknames and ordinary wishes the privacy gate lets through. */
const ALIASES = ['小雨', '乐乐', '朵朵', '豆豆', '阳阳', '果果', '甜甜', '萌萌', '天天', '悦悦'];
const WISHES = ['想要一本讲恐龙的书。', '想要一个新文具盒。', '冬天想要一副厚手套。', '想要一个足球，课间和同学一起踢。', '希望有人陪我去一次科技馆。', '想要一盒水彩笔。'];
/** Ages that fit each grade band, taken in turn. */
const AGES: Record<GradeBand, number[]> = { preschool: [5, 4], lower_primary: [6, 7], middle_primary: [9, 8, 10], upper_primary: [11, 12], junior_high: [13, 14] };
/** Cards made so far: each new card takes the next category, grade band, alias and wish in turn. */
let cardsMade = 0;

export interface CardFields {
  campaignId?: number;
  status?: CardStatus;
  alias?: string;
  age?: number;
  gradeBand?: GradeBand;
  category?: CardCategory;
  wish?: string;
  sizeNote?: string | null;
  handoutRef?: string;
  notes?: string;
  /** Whether the wording was reviewed; a card past draft always was. */
  reviewed?: boolean;
  /** Whether the guardian's consent is on record; a card past draft always has it. */
  consented?: boolean;
  withdrawnReason?: string;
  publishedAt?: Date;
}

/**
 * A card with its coordinator-only record, open on the wall unless told otherwise, in the current
 * campaign unless given one. A claimed or fulfilled card needs its claim: use createClaim.
 */
export async function createCard(fields: CardFields = {}): Promise<TestCard> {
  const n = cardsMade++;
  const status = fields.status ?? 'open';
  const gradeBand = fields.gradeBand ?? GRADE_BANDS[n % GRADE_BANDS.length]!;
  const card = {
    campaignId: fields.campaignId ?? (await theCampaignId()),
    alias: fields.alias ?? ALIASES[n % ALIASES.length]!,
    age: fields.age ?? AGES[gradeBand][Math.floor(n / GRADE_BANDS.length) % AGES[gradeBand].length]!,
    gradeBand,
    category: fields.category ?? CARD_CATEGORIES[n % CARD_CATEGORIES.length]!,
    wish: fields.wish ?? WISHES[n % WISHES.length]!,
    sizeNote: fields.sizeNote ?? null,
    status,
  };
  const past = status !== 'draft';
  const reviewed = fields.reviewed ?? past;
  const consented = fields.consented ?? past;
  const handoutRef = fields.handoutRef ?? unique('F-0');
  const now = new Date();
  for (let attempt = 0; ; attempt++) {
    const code = newCardCode();
    try {
      // One batch: the card and its private record appear together or not at all.
      const [inserted] = await db().batch([
        db()
          .insert(cards)
          .values({
            ...card,
            code,
            reviewedAt: reviewed ? daysFromNow(-9) : null,
            publishedAt: status === 'draft' ? null : (fields.publishedAt ?? daysFromNow(-9)),
            withdrawnReason: status === 'withdrawn' ? (fields.withdrawnReason ?? '监护人改变主意，撤回了这张心愿卡。') : null,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: cards.id }),
        db()
          .insert(cardPrivate)
          .values({
            cardId: sql`(SELECT id FROM cards WHERE code = ${code})`,
            campaignId: card.campaignId,
            handoutRef,
            consentOn: consented ? daysFromNow(-12).toISOString().slice(0, 10) : null,
            consentMethod: consented ? 'paper' : null,
            notes: fields.notes ?? '',
          }),
      ]);
      return { id: inserted[0]!.id, code, handoutRef, ...card };
    } catch (err) {
      // A code drawn twice: the unique index refused it, nothing was written; draw another.
      if (attempt >= 4 || !String((err as Error).cause ?? err).includes('cards.code')) throw err;
    }
  }
}

export interface TestVolunteer {
  id: number;
  /** The private link's token (only its hash is stored). */
  token: string;
  name: string;
  mobile: string;
  email: string | null;
  status: VolunteerStatus;
}

/** A volunteer with a private link, approved unless told otherwise. */
export async function createVolunteer(
  fields: { status?: VolunteerStatus; name?: string; mobile?: string; email?: string | null; town?: string; helpTypes?: HelpType[]; note?: string; rejectReason?: string; lastActiveAt?: Date } = {},
): Promise<TestVolunteer> {
  const status = fields.status ?? 'approved';
  const token = newToken();
  const name = fields.name ?? `志愿者${unique()}`;
  const mobile = fields.mobile ?? uniqueMobile();
  const email = fields.email === undefined ? `${unique('v')}@example.org` : fields.email;
  const [row] = await db()
    .insert(volunteers)
    .values({
      name,
      mobile,
      email,
      town: fields.town ?? '测试镇',
      helpTypes: JSON.stringify(fields.helpTypes ?? ['wish_cards']),
      availability: '周末',
      note: fields.note ?? '',
      status,
      rejectReason: status === 'rejected' ? (fields.rejectReason ?? '这次名额已满。') : null,
      agreedCodeVersion: '2026-11',
      agreedPrivacyVersion: '2026-11',
      agreedAt: daysFromNow(-8),
      accessTokenHash: await hashToken(token),
      ...(fields.lastActiveAt ? { lastActiveAt: fields.lastActiveAt } : {}),
      decidedAt: status === 'pending' ? null : daysFromNow(-7),
    })
    .returning({ id: volunteers.id });
  return { id: row!.id, token, name, mobile, email, status };
}

export interface TestClaim {
  id: number;
  status: ClaimStatus;
  card: TestCard;
  volunteer: TestVolunteer;
}

const REACHED = ['approved', 'delivered', 'received'] as const;

/**
 * A claim in any state, on a new open card by a new approved volunteer unless given them, with the
 * card moved to match: claimed while the claim holds it, fulfilled once received, open after it ended.
 * Steps are dated from `createdAt` (default now): approved a day later, delivered after four, received after
 * five, none later than now.
 */
export async function createClaim(fields: { status?: ClaimStatus; card?: TestCard; volunteer?: TestVolunteer; createdAt?: Date; rejectReason?: string } = {}): Promise<TestClaim> {
  const status = fields.status ?? 'pending';
  const card = fields.card ?? (await createCard());
  const volunteer = fields.volunteer ?? (await createVolunteer());
  const created = fields.createdAt ?? new Date();
  // Each step a few days after the one before, but never later than now.
  const step = (days: number) => new Date(Math.min(created.getTime() + days * DAY, Math.max(Date.now(), created.getTime())));
  const reached = (s: (typeof REACHED)[number]) => REACHED.indexOf(status as (typeof REACHED)[number]) >= REACHED.indexOf(s);
  const ended = ['received', 'rejected', 'cancelled', 'expired'].includes(status);
  const [row] = await db()
    .insert(claims)
    .values({
      cardId: card.id,
      volunteerId: volunteer.id,
      status,
      createdAt: created,
      approvedAt: reached('approved') ? step(1) : null,
      deliveredAt: reached('delivered') ? step(4) : null,
      receivedAt: reached('received') ? step(5) : null,
      endedAt: ended ? step(5) : null,
      rejectReason: status === 'rejected' ? (fields.rejectReason ?? '这张卡已经有人线下认领了') : null,
    })
    .returning({ id: claims.id });
  const cardStatus: CardStatus = status === 'received' ? 'fulfilled' : ended ? 'open' : 'claimed';
  await env.DB.prepare('UPDATE cards SET status = ? WHERE id = ?').bind(cardStatus, card.id).run();
  return { id: row!.id, status, card: { ...card, status: cardStatus }, volunteer };
}

export interface TestWall {
  campaign: TestCampaign;
  cards: Record<'open' | 'claimed' | 'fulfilled' | 'draft' | 'withdrawn', TestCard[]>;
  volunteers: TestVolunteer[];
  claims: TestClaim[];
}

/**
 * A campaign with a wall like a real one: open cards across every category and grade band, and
 * claimed, fulfilled, draft and withdrawn ones. Claims were made six days ago by two approved
 * volunteers; fulfilled cards' gifts arrived yesterday.
 */
export async function createWall(
  counts: Partial<Record<keyof TestWall['cards'], number>> = {},
  campaignFields: Parameters<typeof createCampaign>[0] = {},
): Promise<TestWall> {
  const want = { open: 24, claimed: 6, fulfilled: 4, draft: 4, withdrawn: 2, ...counts };
  const campaign = await createCampaign(campaignFields);
  const volunteers = [await createVolunteer(), await createVolunteer()];
  const wall: TestWall = { campaign, cards: { open: [], claimed: [], fulfilled: [], draft: [], withdrawn: [] }, volunteers, claims: [] };
  const make = (status: CardStatus) => createCard({ campaignId: campaign.id, status: status === 'claimed' || status === 'fulfilled' ? 'open' : status });
  for (const status of ['open', 'draft', 'withdrawn'] as const) for (let i = 0; i < want[status]; i++) wall.cards[status].push(await make(status));
  const sixDaysAgo = daysFromNow(-6);
  for (const status of ['claimed', 'fulfilled'] as const) {
    for (let i = 0; i < want[status]; i++) {
      // Claimed cards' claims are pending, approved or delivered in turn; the two volunteers take turns.
      const claimStatus = status === 'fulfilled' ? 'received' : (['pending', 'approved', 'delivered'] as const)[i % 3]!;
      const claim = await createClaim({ status: claimStatus, card: await make(status), volunteer: volunteers[i % 2]!, createdAt: sixDaysAgo });
      wall.claims.push(claim);
      wall.cards[status].push(claim.card);
    }
  }
  return wall;
}

/**
 * The campaign's settings and its school's village list as they are now; the function returned
 * puts them back. For a test that edits the current campaign through the console (which only
 * ever edits the current one): call it in a finally or afterEach so test order cannot matter.
 */
export async function rememberCampaignSettings(campaignId: number): Promise<() => Promise<void>> {
  const columns = ['name', 'summary', 'starts_at', 'claim_deadline', 'dropoff_deadline', 'dropoff_place', 'value_guide', 'claim_cap', 'approve_within_days', 'deliver_within_days'];
  const campaign = (await env.DB.prepare(`SELECT school_id, ${columns.join(', ')} FROM campaigns WHERE id = ?`).bind(campaignId).first<Record<string, unknown>>())!;
  const school = (await env.DB.prepare('SELECT village_names FROM schools WHERE id = ?').bind(campaign.school_id).first<{ village_names: string }>())!;
  return async () => {
    await env.DB.batch([
      env.DB.prepare(`UPDATE campaigns SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).bind(...columns.map((c) => campaign[c]), campaignId),
      env.DB.prepare('UPDATE schools SET village_names = ? WHERE id = ?').bind(school.village_names, campaign.school_id),
    ]);
  };
}

/**
 * An active pairing of a volunteer made for it, with one contact logged by that volunteer: through
 * the domain's own steps (child record, offer, proposal, safeguards, activation).
 */
export async function activePairingWithContact(): Promise<{ pairingId: number; contactId: number; volunteer: TestVolunteer; registerRef: string }> {
  if (!(await env.DB.prepare('SELECT 1 AS one FROM schools LIMIT 1').first())) await createSchool();
  const coordinator = await createCoordinator();
  const volunteer = await createVolunteer({ helpTypes: ['pairing'] });
  const registerRef = unique('2026-');
  const child = await createPairingChild(db(), { registerRef, alias: '小禾', gradeBand: 'middle_primary' }, coordinator.id);
  if (!child.ok) throw new Error(child.message);
  const offer = await offerPairing(db(), volunteer.id, { kind: 'mentor', preferredGradeBand: null, frequency: 'monthly', agreeConduct: true });
  if (!offer.ok) throw new Error(offer.message);
  const by = { kind: 'coordinator' as const, id: coordinator.id };
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  for (const step of [
    () => proposePairing(db(), offer.pairingId, child.childId, coordinator.id),
    () => recordSafeguards(db(), offer.pairingId, { consentOn: today, consentMethod: 'paper', recordCheckedOn: today }, coordinator.id),
    () => movePairing(db(), offer.pairingId, 'activate', by),
  ]) {
    const done = await step();
    if (!done.ok) throw new Error(done.message);
  }
  const contact = await logContact(db(), { kind: 'volunteer', id: volunteer.id }, offer.pairingId, { on: today, kind: 'talk', minutes: 30, escort: null, callMe: true });
  if (!contact.ok) throw new Error(contact.message);
  return { pairingId: offer.pairingId, contactId: contact.contactId, volunteer, registerRef };
}
