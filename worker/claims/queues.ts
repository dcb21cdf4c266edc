/** Claims as coordinators work through them: the queues behind the console's counts. */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { campaigns, cards, claims, volunteers } from '#worker/platform/db/schema.ts';
import { CLAIM_HOLDING_STATUSES, type CardCategory, type ClaimQueue, type ClaimStatus, type VolunteerStatus } from '#worker/vocabulary.ts';
import { claimOverdue } from './overdue';

export interface ConsoleClaim {
  id: number;
  status: ClaimStatus;
  createdAt: Date;
  approvedAt: Date | null;
  deliveredAt: Date | null;
  receivedAt: Date | null;
  rejectReason: string | null;
  cardCode: string;
  cardAlias: string;
  /** The campaign the card belongs to: the 'all' list and its export span the years. */
  campaignName: string;
  /** The wish and its category: at the gate, what the parcel should hold. */
  cardWish: string;
  cardCategory: CardCategory;
  volunteerId: number;
  volunteerName: string | null;
  volunteerMobile: string | null;
  volunteerStatus: VolunteerStatus;
  overdue: boolean;
}

function select(db: Db, now: Date) {
  return db
    .select({
      id: claims.id,
      status: claims.status,
      createdAt: claims.createdAt,
      approvedAt: claims.approvedAt,
      deliveredAt: claims.deliveredAt,
      receivedAt: claims.receivedAt,
      rejectReason: claims.rejectReason,
      cardCode: cards.code,
      cardAlias: cards.alias,
      campaignName: campaigns.name,
      cardWish: cards.wish,
      cardCategory: cards.category,
      volunteerId: volunteers.id,
      volunteerName: volunteers.name,
      volunteerMobile: volunteers.mobile,
      volunteerStatus: volunteers.status,
      overdue: claimOverdue(now),
    })
    .from(claims)
    .innerJoin(cards, eq(cards.id, claims.cardId))
    .innerJoin(campaigns, eq(campaigns.id, cards.campaignId))
    .innerJoin(volunteers, eq(volunteers.id, claims.volunteerId));
}

const shape = <R extends { overdue: number }>(r: R) => ({ ...r, overdue: Boolean(r.overdue) });

/** One queue of claims, oldest first (the longest waiting at the top). */
export async function listClaims(db: Db, queue: ClaimQueue, now = new Date(), limit = 200): Promise<ConsoleClaim[]> {
  const where: Record<ClaimQueue, SQL | undefined> = {
    to_approve: eq(claims.status, 'pending'),
    awaiting_dropoff: eq(claims.status, 'approved'),
    awaiting_confirmation: eq(claims.status, 'delivered'),
    overdue: claimOverdue(now),
    all: undefined,
  };
  const rows = await select(db, now).where(where[queue]).orderBy(asc(claims.createdAt)).limit(limit);
  return rows.map(shape);
}

/**
 * The claim holding a card, found by the card's code: how the school gate finds a gift whose
 * label was written by hand (no printer, no QR code to scan). Null when no claim holds it.
 */
export async function findClaimByCardCode(db: Db, code: string): Promise<number | null> {
  const row = await db
    .select({ id: claims.id })
    .from(claims)
    .innerJoin(cards, eq(cards.id, claims.cardId))
    .where(and(eq(cards.code, code), inArray(claims.status, [...CLAIM_HOLDING_STATUSES])))
    .get();
  return row?.id ?? null;
}

export async function getConsoleClaim(db: Db, id: number, now = new Date()): Promise<ConsoleClaim | null> {
  const row = await select(db, now).where(and(eq(claims.id, id))).get();
  return row ? shape(row) : null;
}
