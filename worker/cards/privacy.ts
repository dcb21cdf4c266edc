/**
 * A card's privacy state for the console: what the gate finds in its public
 * words, which findings a coordinator marked "不是个人信息", and everything
 * that still stands between a draft and the wall.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { cardPrivacyDismissals, coordinators } from '#worker/platform/db/schema.ts';
import type { ConsoleCard } from './console';
import { privacyContext } from './console';
import { checkCardPrivacy, openFindings, type PrivacyFinding } from '#worker/privacy/index.ts';

export interface Dismissal {
  field: string;
  kind: string;
  found: string;
  reason: string;
  decidedByName: string;
  decidedAt: Date;
}

export interface CardPrivacy {
  /** Findings that block publishing. */
  open: PrivacyFinding[];
  /** Findings a coordinator marked "不是个人信息", still present in the words. */
  dismissed: (PrivacyFinding & { reason: string; decidedByName: string; decidedAt: Date })[];
}

/** The gate's findings on a card, split into open and dismissed. `realNames` (typed at review) are checked and forgotten. */
export async function cardPrivacy(db: Db, card: ConsoleCard, realNames = ''): Promise<CardPrivacy> {
  const [ctx, dismissals] = await Promise.all([
    privacyContext(db),
    db
      .select({
        field: cardPrivacyDismissals.field,
        kind: cardPrivacyDismissals.kind,
        found: cardPrivacyDismissals.found,
        reason: cardPrivacyDismissals.reason,
        decidedByName: coordinators.displayName,
        decidedAt: cardPrivacyDismissals.decidedAt,
      })
      .from(cardPrivacyDismissals)
      .innerJoin(coordinators, eq(coordinators.id, cardPrivacyDismissals.decidedBy))
      .where(eq(cardPrivacyDismissals.cardId, card.id))
      .orderBy(asc(cardPrivacyDismissals.id)),
  ]);
  const findings = checkCardPrivacy(card, ctx, realNames);
  const open = openFindings(findings, dismissals as { field: string; kind: PrivacyFinding['kind']; found: string }[]);
  const dismissed = findings
    .filter((f) => !open.includes(f))
    .map((f) => {
      const d = dismissals.find((x) => x.field === f.field && x.kind === f.kind && x.found === f.found)!;
      return { ...f, reason: d.reason, decidedByName: d.decidedByName, decidedAt: d.decidedAt };
    });
  return { open, dismissed };
}

export interface PublishBlocker {
  /** The field to fix (a card field, or `review` for the wording review). */
  field: string;
  message: string;
  /** For a privacy finding: its kind (a real name is told beside the review's own field). */
  kind?: string;
}

/** Everything that keeps a draft off the wall, all at once: not reviewed, no consent, each open finding. */
export function publishBlockers(card: ConsoleCard, open: PrivacyFinding[]): PublishBlocker[] {
  if (card.status !== 'draft') return [{ field: 'status', message: '只有草稿可以发布' }];
  return [
    ...(card.reviewedAt ? [] : [{ field: 'review', message: '心愿的措辞还没审核：请读一遍孩子的话，再点“措辞审核通过”' }]),
    ...(card.consentOn ? [] : [{ field: 'consentOn', message: '还没登记监护人同意公开心愿的日期和方式' }]),
    ...open.map((f) => ({ field: f.field, message: `隐私检查：${f.message}` })),
  ];
}
