/** Why a claim step is refused: each code's HTTP status and Chinese message, written once. */
import { failureTable } from '#worker/platform/failures.ts';

export const { table: CLAIM_FAILURES, fail: claimFailure } = failureTable({
  card_unavailable: { status: 409, message: '这张心愿卡刚刚被别人认领了，或者已经不在心愿墙上。看看其他孩子的心愿吧！' },
  claim_limit: { status: 409, message: '您同时认领的心愿卡已经到上限了。等礼物送到学校后，再来认领新的吧。' },
  claims_closed: { status: 409, message: '这次活动的认领已经截止了，谢谢您的关心。' },
  volunteer_rejected: { status: 403, message: '您的志愿者报名没有通过审核，暂时不能认领。' },
  // Another volunteer's claim is "not found" too: ids reveal nothing.
  claim_not_found: { status: 404, message: '没有找到这条认领。' },
  conflict: { status: 409, message: '这条认领的状态刚刚变了，请刷新后再看。' },
  volunteer_not_approved: { status: 409, message: '这位志愿者还没有通过审核，认领暂时不能批准。' },
});
