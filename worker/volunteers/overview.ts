/** What a volunteer sees on their private page and from GET /api/me: their status and claims, no personal data. */
import { desc, eq } from 'drizzle-orm';
import type { VolunteerAccess } from '#worker/platform/auth/volunteer-access.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { campaigns, cards, claims, volunteers } from '#worker/platform/db/schema.ts';
import type { ClaimStatus, VolunteerStatus } from '#worker/vocabulary.ts';

export interface VolunteerOverview {
  status: VolunteerStatus;
  rejectReason: string | null;
  claims: {
    id: number;
    cardCode: string;
    cardAlias: string;
    status: ClaimStatus;
    createdAt: Date;
    approvedAt: Date | null;
    deliveredAt: Date | null;
    receivedAt: Date | null;
    endedAt: Date | null;
    rejectReason: string | null;
    campaignName: string;
    dropoffPlace: string;
    dropoffDeadline: Date;
  }[];
}

export async function volunteerOverview(db: Db, access: VolunteerAccess): Promise<VolunteerOverview> {
  // A repeat sign-up looks exactly like a new one: received, being checked, nothing claimed.
  if (access.kind === 'repeat') return { status: 'pending', rejectReason: null, claims: [] };
  const [me, rows] = await Promise.all([
    db.select({ status: volunteers.status, rejectReason: volunteers.rejectReason }).from(volunteers).where(eq(volunteers.id, access.volunteerId)).get(),
    db
      .select({
        id: claims.id,
        cardCode: cards.code,
        cardAlias: cards.alias,
        status: claims.status,
        createdAt: claims.createdAt,
        approvedAt: claims.approvedAt,
        deliveredAt: claims.deliveredAt,
        receivedAt: claims.receivedAt,
        endedAt: claims.endedAt,
        rejectReason: claims.rejectReason,
        campaignName: campaigns.name,
        dropoffPlace: campaigns.dropoffPlace,
        dropoffDeadline: campaigns.dropoffDeadline,
      })
      .from(claims)
      .innerJoin(cards, eq(cards.id, claims.cardId))
      .innerJoin(campaigns, eq(campaigns.id, cards.campaignId))
      .where(eq(claims.volunteerId, access.volunteerId))
      .orderBy(desc(claims.createdAt)),
  ]);
  return {
    status: me?.status ?? 'pending',
    rejectReason: me?.status === 'rejected' ? (me.rejectReason ?? null) : null,
    claims: rows,
  };
}
