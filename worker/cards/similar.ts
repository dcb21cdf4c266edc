import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { cards } from '#worker/platform/db/schema.ts';
import { isPublicCard, publicColumns, type PublicCard } from './public';

/** Open cards like this one (same category or grade band), for a volunteer who just missed it. */
export async function similarOpenCards(db: Db, code: string, limit = 3): Promise<PublicCard[]> {
  const card = await db.select({ campaignId: cards.campaignId, category: cards.category, gradeBand: cards.gradeBand }).from(cards).where(eq(cards.code, code)).get();
  if (!card) return [];
  const rows = await db
    .select(publicColumns)
    .from(cards)
    .where(and(eq(cards.campaignId, card.campaignId), eq(cards.status, 'open'), ne(cards.code, code), or(eq(cards.category, card.category), eq(cards.gradeBand, card.gradeBand))))
    .orderBy(sql`${cards.category} = ${card.category} DESC`, asc(cards.publishedAt))
    .limit(limit);
  return rows.filter(isPublicCard);
}
