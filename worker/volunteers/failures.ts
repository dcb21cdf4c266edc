/** Why a volunteer operation is refused: each code's HTTP status and Chinese message, written once. */
import { failureTable } from '#worker/platform/failures.ts';

export const { table: VOLUNTEER_FAILURES, fail: volunteerFailure } = failureTable({
  volunteer_not_found: { status: 404, message: '没有这位志愿者' },
  conflict: { status: 409, message: '这条报名已经处理过或已删除，请刷新后再看' },
  rate_limited: { status: 429, message: '这个网络刚刚提交了很多次报名，请过十几分钟再试，或者打电话给学校报名。' },
  // A volunteer's own requests: no private link (cookie or Bearer), or a sign-up not yet vetted.
  not_signed_in: { status: 401, code: 'unauthenticated', message: '请先报名，或打开您的私人链接' },
  link_needed: { status: 401, code: 'unauthenticated', message: '请先打开您的私人链接' },
  signup_pending: { status: 403, message: '您的报名还在核对中，暂时不能认领；请打电话给学校' },
});
