/**
 * Cards as coordinators see them: the public face plus the coordinator-only
 * record. Only console pages and /api/admin call these.
 */
import { and, asc, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { paged } from '#worker/platform/paging.ts';
import { cardPrivate, cards, schools } from '#worker/platform/db/schema.ts';
import type { CardFilter } from './inputs';
import type { PrivacyContext } from '#worker/privacy/index.ts';
import { publicColumns } from './public';
import { campaignBySlug, workingCampaign } from '#worker/campaigns/current.ts';
import type { CardCategory, CardStatus, ConsentMethod, GradeBand } from '#worker/vocabulary.ts';

export interface ConsoleCard {
  id: number;
  campaignId: number;
  code: string;
  alias: string;
  age: number;
  gradeBand: GradeBand;
  category: CardCategory;
  wish: string;
  sizeNote: string | null;
  status: CardStatus;
  reviewedAt: Date | null;
  publishedAt: Date | null;
  withdrawnReason: string | null;
  updatedAt: Date;
  handoutRef: string;
  consentOn: string | null;
  consentMethod: ConsentMethod | null;
  notes: string;
  /** What the review queue's "需要修改" asked to change, until the card is edited. */
  changesAsked: string | null;
}

export const consoleColumns = {
  ...publicColumns,
  id: cards.id,
  campaignId: cards.campaignId,
  reviewedAt: cards.reviewedAt,
  publishedAt: cards.publishedAt,
  withdrawnReason: cards.withdrawnReason,
  updatedAt: cards.updatedAt,
  handoutRef: cardPrivate.handoutRef,
  consentOn: cardPrivate.consentOn,
  consentMethod: cardPrivate.consentMethod,
  notes: cardPrivate.notes,
  changesAsked: cardPrivate.changesAsked,
};

export const CONSOLE_PAGE_SIZE = 50;

/**
 * Cards matching the console's filters, newest first, a page at a time (exports ask for one big
 * page): of the campaign the filter names, else of the one the console works on, so last year's
 * cards do not mix with this year's.
 */
export async function listConsoleCards(db: Db, filter: CardFilter, pageSize = CONSOLE_PAGE_SIZE) {
  const campaign = filter.campaign ? await campaignBySlug(db, filter.campaign) : await workingCampaign(db);
  const conditions: SQL[] = [eq(cards.campaignId, campaign?.id ?? 0)];
  if (filter.status) conditions.push(eq(cards.status, filter.status));
  if (filter.category) conditions.push(eq(cards.category, filter.category));
  if (filter.gradeBand) conditions.push(eq(cards.gradeBand, filter.gradeBand));
  if (filter.q) {
    const escaped = filter.q.replace(/[%_\\]/g, (c) => `\\${c}`);
    // The school's register number too: the coordinator often has the hand-out sheet in front of them.
    conditions.push(or(eq(cards.code, filter.q.toUpperCase()), like(cards.alias, sql`${'%' + escaped + '%'} ESCAPE '\\'`), eq(cardPrivate.handoutRef, filter.q))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const list = await paged(
    db
      .select(consoleColumns)
      .from(cards)
      .innerJoin(cardPrivate, eq(cardPrivate.cardId, cards.id))
      .where(where)
      .orderBy(desc(cards.createdAt), asc(cards.id))
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize),
    db.select({ n: count() }).from(cards).innerJoin(cardPrivate, eq(cardPrivate.cardId, cards.id)).where(where),
    filter.page,
    pageSize,
  );
  return { cards: list.items, total: list.total, page: list.page, pages: list.pages, campaign: campaign ? { slug: campaign.slug, name: campaign.name, status: campaign.status } : null };
}

/** One card with its coordinator-only record, by public code. */
export async function getConsoleCard(db: Db, code: string): Promise<ConsoleCard | null> {
  const row = await db
    .select(consoleColumns)
    .from(cards)
    .innerJoin(cardPrivate, eq(cardPrivate.cardId, cards.id))
    .where(eq(cards.code, code.toUpperCase()))
    .get();
  return row ?? null;
}

/** What the privacy check refuses: the school's name (full and short) and its villages. */
export async function privacyContext(db: Db): Promise<PrivacyContext> {
  const rows = await db.select({ name: schools.name, villages: schools.villageNames }).from(schools);
  const schoolNames = rows.flatMap((r) => [r.name, r.name.replace(/[（(][^）)]*[）)]/g, '').trim()]);
  const villageNames = rows.flatMap((r) => {
    try {
      const list: unknown = JSON.parse(r.villages);
      return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
    } catch {
      return [];
    }
  });
  return { schoolNames: [...new Set(schoolNames)].filter(Boolean), villageNames };
}
