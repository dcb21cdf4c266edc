/** The one rule for a claim past its deadline: the console's queue and count, and the expiry job, all read it. */
import { sql } from 'drizzle-orm';
import { campaigns, claims } from '#worker/platform/db/schema.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Whether a claim is overdue at `now`: waiting for approval longer than its
 * campaign allows, or approved and waiting for the gift longer than allowed or
 * past the drop-off deadline. SQL over `claims` joined (by their real names,
 * not aliases) through its card to `campaigns`.
 */
export function claimOverdue(now: Date) {
  const t = now.getTime();
  return sql<number>`(
  (${claims.status} = 'pending' AND ${claims.createdAt} < ${t} - ${campaigns.approveWithinDays} * ${DAY})
  OR (${claims.status} = 'approved' AND (${claims.approvedAt} < ${t} - ${campaigns.deliverWithinDays} * ${DAY} OR ${campaigns.dropoffDeadline} < ${t})))`;
}
