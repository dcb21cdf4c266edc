/** Why a card operation is refused: each code's HTTP status and Chinese message, written once. */
import { failureTable, type Failure } from '#worker/platform/failures.ts';
import type { PublishBlocker } from './privacy';

export const { table: CARD_FAILURES, fail: cardFailure } = failureTable({
  card_not_found: { status: 404, message: '没有找到这张心愿卡' },
  no_campaign: { status: 409, message: '还没有可以放心愿卡的活动：请先在“活动”里新建下一次活动。' },
  archived: { status: 409, code: 'not_allowed', message: '这张卡所在的活动已归档，只能查看，不能修改' },
  campaign_closed: { status: 409, code: 'not_allowed', message: '这张卡所在的活动已经结束，发布了也没有人能认领' },
  conflict: { status: 409, message: '这张卡刚被别人改过或状态已变，请刷新后再试' },
  // The message names the register number: composed where it fails.
  duplicate_handout: { status: 409, message: '本次活动里已经有这个登记编号的心愿卡，一个孩子只建一张卡' },
  not_editable: { status: 409, code: 'not_allowed', message: '这张卡已被认领、已圆梦或已撤下，只能修改仅协调员可见的信息' },
  not_reviewable: { status: 409, code: 'not_allowed', message: '只有还没审核过的草稿需要审核' },
  review_real_name: { status: 409, code: 'not_allowed', message: '卡片里出现了孩子或家长的真实姓名（或其中的名字），请先改写，再审核' },
  // The message counts the findings: composed where it fails.
  review_findings: { status: 409, code: 'not_allowed', message: '隐私检查还有没处理的地方：请先改写，或确认不是个人信息并写明原因，再审核' },
  not_publishable: { status: 409, code: 'not_allowed', message: '只有草稿可以发布' },
  // The message lists every blocker: composed where it fails.
  publish_blocked: { status: 409, code: 'not_allowed', message: '还不能发布，请先处理下面的问题' },
  dismiss_not_draft: { status: 409, code: 'not_allowed', message: '只有草稿上的隐私提示可以标记' },
  dismiss_real_name: { status: 409, code: 'not_allowed', message: '称呼像是真实姓名时不能标记：请换一个小名（不带姓）' },
  dismiss_gone: { status: 409, code: 'not_allowed', message: '这条隐私提示已经不在了（卡片可能刚被改过），请刷新后再看' },
  withdraw_claimed: { status: 409, code: 'not_allowed', message: '这张卡已被认领：请先处理它的认领，再撤下' },
  withdraw_ended: { status: 409, code: 'not_allowed', message: '这张卡不能再撤下' },
  // The import's refusals (the whole file): the message says what is wrong with it.
  import_no_campaign: { status: 422, code: 'file_refused', message: '还没有可以放心愿卡的活动：请先在“活动”里新建下一次活动。' },
  file_refused: { status: 422, message: '这个文件不能导入' },
});

/** A refused card operation; a refused publish or review also lists its blockers by field. */
export type CardFailure = Failure & { blockers?: PublishBlocker[] };
