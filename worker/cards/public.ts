/**
 * The public face of wish cards: what the wall, card pages and the public API
 * may show. Selects from `cards` only, column by column, so coordinator-only
 * fields (in `card_private`) and internal columns can never leak through here.
 */
import { and, asc, between, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { paged } from '#worker/platform/paging.ts';
import { campaigns, cards } from '#worker/platform/db/schema.ts';
import { AGE_GROUPS, type WallFilter, type WishTreeQuery } from './inputs';
import type { CardCategory, CardStatus, GradeBand } from '#worker/vocabulary.ts';

export const PUBLIC_CARD_STATUSES = ['open', 'claimed', 'fulfilled', 'school_fulfilled'] as const satisfies readonly CardStatus[];

export interface PublicCard {
  code: string;
  alias: string;
  age: number;
  gradeBand: GradeBand;
  category: CardCategory;
  wish: string;
  sizeNote: string | null;
  status: (typeof PUBLIC_CARD_STATUSES)[number];
}

/**
 * Whether a card's status may be shown publicly. The queries below ask only for
 * these; checking again gives the rows their public type without a cast, and a
 * draft could not reach the wall through a mistaken WHERE.
 */
export const isPublicCard = <C extends { status: CardStatus }>(card: C): card is C & Pick<PublicCard, 'status'> =>
  (PUBLIC_CARD_STATUSES as readonly CardStatus[]).includes(card.status);

/** The columns of a card's public face: the only ones public code selects. */
export const publicColumns = {
  code: cards.code,
  alias: cards.alias,
  age: cards.age,
  gradeBand: cards.gradeBand,
  category: cards.category,
  wish: cards.wish,
  sizeNote: cards.sizeNote,
  status: cards.status,
};

export const WALL_PAGE_SIZE = 24;

/** The wall's WHERE: a campaign's open cards, narrowed by the filters that are set. */
function openCardsWhere(campaignId: number, filter: Pick<WallFilter, 'category' | 'gradeBand' | 'age'>) {
  const conditions = [eq(cards.campaignId, campaignId), eq(cards.status, 'open')];
  if (filter.category) conditions.push(eq(cards.category, filter.category));
  if (filter.gradeBand) conditions.push(eq(cards.gradeBand, filter.gradeBand));
  if (filter.age) conditions.push(between(cards.age, AGE_GROUPS[filter.age][0], AGE_GROUPS[filter.age][1]));
  return and(...conditions);
}

/** Open cards of a campaign matching the wall's filters, oldest published first, a page at a time. */
export async function listOpenCards(db: Db, campaignId: number, filter: WallFilter = { category: '', gradeBand: '', age: '', page: 1 }) {
  const where = openCardsWhere(campaignId, filter);
  const list = await paged(
    db
      .select(publicColumns)
      .from(cards)
      .where(where)
      .orderBy(asc(cards.publishedAt), asc(cards.id))
      .limit(WALL_PAGE_SIZE)
      .offset((filter.page - 1) * WALL_PAGE_SIZE),
    db.select({ n: count() }).from(cards).where(where),
    filter.page,
    WALL_PAGE_SIZE,
  );
  return { cards: list.items.filter(isPublicCard), total: list.total, page: list.page, pages: list.pages };
}

/**
 * The paper wish tree's cards (the console's printable sheets): the wall's open cards, filters
 * and order, but as many as asked at once instead of a page, with how many match in all.
 */
export async function openCardsToPrint(db: Db, campaignId: number, filter: WishTreeQuery): Promise<{ cards: PublicCard[]; total: number }> {
  const where = openCardsWhere(campaignId, { ...filter, age: '' });
  const [rows, matching] = await Promise.all([
    db.select(publicColumns).from(cards).where(where).orderBy(asc(cards.publishedAt), asc(cards.id)).limit(filter.count).offset(filter.from - 1),
    db.select({ n: count() }).from(cards).where(where).get(),
  ]);
  return { cards: rows.filter(isPublicCard), total: matching?.n ?? 0 };
}

/**
 * One card by its public code, if it has been on a wall, with its campaign: drafts and withdrawn
 * cards have not, nor has a card of a campaign still being prepared. A past campaign's card keeps
 * its address (a paper tree's QR code may be scanned a year later); once the campaign is archived
 * the page shows only that it ended, not the child's words (`archived`).
 */
export async function findPublicCardOfCampaign(db: Db, code: string): Promise<{ card: PublicCard; campaignId: number; archived: boolean } | null> {
  const row = await db
    .select({ card: publicColumns, campaignId: cards.campaignId, campaignStatus: campaigns.status })
    .from(cards)
    .innerJoin(campaigns, eq(campaigns.id, cards.campaignId))
    .where(and(eq(cards.code, code), inArray(cards.status, [...PUBLIC_CARD_STATUSES]), inArray(campaigns.status, ['open', 'closed', 'archived'])))
    .get();
  return row && isPublicCard(row.card) ? { card: row.card, campaignId: row.campaignId, archived: row.campaignStatus === 'archived' } : null;
}

/** One card's public face by its code while its campaign is not archived (see findPublicCardOfCampaign). */
export async function findPublicCard(db: Db, code: string): Promise<PublicCard | null> {
  const found = await findPublicCardOfCampaign(db, code);
  return found && !found.archived ? found.card : null;
}

export interface CampaignProgress {
  total: number;
  /** Waiting on the wall for someone to claim them. */
  open: number;
  claimed: number;
  /** Fulfilled by a volunteer's gift. */
  fulfilled: number;
  /** Fulfilled by the school after the deadline (its fund or a donated bundle). */
  schoolFulfilled: number;
}

/** The wall's progress line: cards on the wall, claimed so far, fulfilled so far (by volunteers, and by the school). */
export async function campaignProgress(db: Db, campaignId: number): Promise<CampaignProgress> {
  const rows = await db
    .select({ status: cards.status, n: count() })
    .from(cards)
    .where(and(eq(cards.campaignId, campaignId), inArray(cards.status, [...PUBLIC_CARD_STATUSES])))
    .groupBy(cards.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const claimed = by.claimed ?? 0;
  const fulfilled = by.fulfilled ?? 0;
  const schoolFulfilled = by.school_fulfilled ?? 0;
  const open = by.open ?? 0;
  return { total: open + claimed + fulfilled + schoolFulfilled, open, claimed, fulfilled, schoolFulfilled };
}

export { currentCampaign, type PublicCampaign } from '#worker/campaigns/current.ts';
