/**
 * The public face of wish cards: what the wall, card pages and the public API
 * may show. Selects from `cards` only, column by column, so coordinator-only
 * fields (in `card_private`) and internal columns can never leak through here.
 */
import { and, asc, between, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { paged } from '#worker/platform/paging.ts';
import { campaigns, cards } from '#worker/platform/db/schema.ts';
import { AGE_GROUPS, type WallFilter } from './inputs';
import type { CardCategory, CardStatus, GradeBand } from '#worker/vocabulary.ts';

export const PUBLIC_CARD_STATUSES = ['open', 'claimed', 'fulfilled'] as const satisfies readonly CardStatus[];

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

/** Open cards of a campaign matching the wall's filters, oldest published first, a page at a time. */
export async function listOpenCards(db: Db, campaignId: number, filter: WallFilter = { category: '', gradeBand: '', age: '', page: 1 }) {
  const conditions = [eq(cards.campaignId, campaignId), eq(cards.status, 'open')];
  if (filter.category) conditions.push(eq(cards.category, filter.category));
  if (filter.gradeBand) conditions.push(eq(cards.gradeBand, filter.gradeBand));
  if (filter.age) conditions.push(between(cards.age, AGE_GROUPS[filter.age][0], AGE_GROUPS[filter.age][1]));
  const where = and(...conditions);
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

/** One card by its public code, if it is on the wall (drafts and withdrawn cards are not). */
export async function findPublicCard(db: Db, code: string): Promise<PublicCard | null> {
  const row = await db
    .select(publicColumns)
    .from(cards)
    .where(and(eq(cards.code, code), inArray(cards.status, [...PUBLIC_CARD_STATUSES])))
    .get();
  return row && isPublicCard(row) ? row : null;
}

export interface CampaignProgress {
  total: number;
  claimed: number;
  fulfilled: number;
}

/** The wall's progress line: cards on the wall, claimed so far, fulfilled so far. */
export async function campaignProgress(db: Db, campaignId: number): Promise<CampaignProgress> {
  const rows = await db
    .select({ status: cards.status, n: count() })
    .from(cards)
    .where(and(eq(cards.campaignId, campaignId), inArray(cards.status, [...PUBLIC_CARD_STATUSES])))
    .groupBy(cards.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const claimed = by.claimed ?? 0;
  const fulfilled = by.fulfilled ?? 0;
  return { total: (by.open ?? 0) + claimed + fulfilled, claimed, fulfilled };
}

export interface PublicCampaign {
  id: number;
  slug: string;
  name: string;
  summary: string;
  startsAt: Date;
  claimDeadline: Date;
  dropoffDeadline: Date;
  dropoffPlace: string;
  valueGuide: string;
}

/** The campaign now on the wall: the latest one that has started or, before any has, the earliest. */
export async function currentCampaign(db: Db, now = new Date()): Promise<PublicCampaign | null> {
  const rows = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      name: campaigns.name,
      summary: campaigns.summary,
      startsAt: campaigns.startsAt,
      claimDeadline: campaigns.claimDeadline,
      dropoffDeadline: campaigns.dropoffDeadline,
      dropoffPlace: campaigns.dropoffPlace,
      valueGuide: campaigns.valueGuide,
    })
    .from(campaigns)
    .orderBy(asc(campaigns.startsAt));
  const started = rows.filter((c) => c.startsAt.getTime() <= now.getTime());
  return started.at(-1) ?? rows[0] ?? null;
}
