/**
 * The console's home: how much work waits in each queue. Counts only; the
 * lists behind them are listClaims (claims/queues.ts) and listVolunteers (volunteers/vetting.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { campaignProgress, type CampaignProgress } from '#worker/cards/index.ts';
import { workingCampaign } from '#worker/campaigns/current.ts';
import { claimOverdue } from '#worker/claims/index.ts';

export interface ConsoleQueues {
  signupsToVet: number;
  /** Volunteers someone tried to sign up again (most likely they lost their link): each waits for a fresh link. */
  lostLinks: number;
  claimsToApprove: number;
  giftsAwaitingDropoff: number;
  giftsAwaitingConfirmation: number;
  overdue: number;
  /** Drafts in the review queue of the campaign the console works on (the queue's own count). */
  draftCards: number;
  /** Drafts sent back with "需要修改", waiting for someone to reword them. */
  sentBack: number;
  campaign: { name: string; progress: CampaignProgress } | null;
}

export async function consoleQueues(db: Db, now = new Date()): Promise<ConsoleQueues> {
  const campaign = await workingCampaign(db, now);
  const row = await db.get<Record<Exclude<keyof ConsoleQueues, 'campaign'>, number>>(sql`
    SELECT
      (SELECT count(*) FROM volunteers WHERE status = 'pending' AND erased_at IS NULL) AS signupsToVet,
      (SELECT count(DISTINCT r.volunteer_id) FROM signup_repeats r JOIN volunteers v ON v.id = r.volunteer_id WHERE v.erased_at IS NULL) AS lostLinks,
      (SELECT count(*) FROM claims WHERE status = 'pending') AS claimsToApprove,
      (SELECT count(*) FROM claims WHERE status = 'approved') AS giftsAwaitingDropoff,
      (SELECT count(*) FROM claims WHERE status = 'delivered') AS giftsAwaitingConfirmation,
      (SELECT count(*) FROM claims JOIN cards ON cards.id = claims.card_id JOIN campaigns ON campaigns.id = cards.campaign_id
        WHERE ${claimOverdue(now)}) AS overdue,
      (SELECT count(*) FROM cards c JOIN card_private p ON p.card_id = c.id
        WHERE c.status = 'draft' AND c.campaign_id = ${campaign?.id ?? 0} AND p.changes_asked IS NULL) AS draftCards,
      (SELECT count(*) FROM cards c JOIN card_private p ON p.card_id = c.id
        WHERE c.status = 'draft' AND c.campaign_id = ${campaign?.id ?? 0} AND p.changes_asked IS NOT NULL) AS sentBack
  `);
  return {
    signupsToVet: row?.signupsToVet ?? 0,
    lostLinks: row?.lostLinks ?? 0,
    claimsToApprove: row?.claimsToApprove ?? 0,
    giftsAwaitingDropoff: row?.giftsAwaitingDropoff ?? 0,
    giftsAwaitingConfirmation: row?.giftsAwaitingConfirmation ?? 0,
    overdue: row?.overdue ?? 0,
    draftCards: row?.draftCards ?? 0,
    sentBack: row?.sentBack ?? 0,
    campaign: campaign ? { name: campaign.name, progress: await campaignProgress(db, campaign.id) } : null,
  };
}
