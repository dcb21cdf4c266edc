/** Why a campaign operation is refused: each code's HTTP status and Chinese message, written once. */
import { failureTable } from '#worker/platform/failures.ts';

export const { table: CAMPAIGN_FAILURES, fail: campaignFailure } = failureTable({
  no_campaign: { status: 404, message: '还没有活动' },
  conflict: { status: 409, message: '活动刚被删除或修改，请刷新后再试。' },
});
