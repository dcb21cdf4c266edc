/** Why a pairing step is refused: each code's HTTP status and Chinese message, written once. */
import { failureTable } from '#worker/platform/failures.ts';

export const { table: PAIRING_FAILURES, fail: pairingFailure } = failureTable({
  // Another volunteer's pairing is "not found" too: ids reveal nothing.
  pairing_not_found: { status: 404, message: '没有找到这个结对。' },
  child_not_found: { status: 404, message: '没有找到这个孩子的记录。' },
  contact_not_found: { status: 404, message: '没有找到这条联系记录。' },
  volunteer_not_approved: { status: 403, code: 'not_allowed', message: '您的志愿者报名通过审核后，才能报名结对。' },
  not_offering_pairing: { status: 403, code: 'not_allowed', message: '报名时您没有选择“代理家长／一对一结对”。想结对的话，请打电话告诉学校。' },
  volunteer_not_vetted: { status: 409, message: '这位志愿者现在不是“已通过”：结对不能开始或恢复。请先看看他的报名状态。' },
  offer_exists: { status: 409, message: '您已经报名了这种结对，学校正在为您匹配。' },
  child_exists: { status: 409, message: '这个学校登记编号已经登记过了：请在列表里找到这个孩子。' },
  child_words: { status: 422, message: '这里写了能认出孩子的信息，请改掉后再保存。' },
  child_anonymised: { status: 409, message: '这个孩子的记录已经匿名，不能再结对。' },
  safeguards_missing: { status: 409, message: '结对开始前，要先记下监护人的同意和志愿者的记录查询。' },
  volunteer_cap: { status: 409, message: '这位志愿者进行中的结对已经到学校定的上限了。' },
  child_paired: { status: 409, message: '这个孩子已经有一个进行中的同类结对了。' },
  conflict: { status: 409, message: '这个结对的状态刚刚变了，请刷新后再看。' },
  pairing_not_active: { status: 409, message: '只有进行中的结对才能记录联系。' },
  contact_date: { status: 422, message: '联系的日期不能是将来，要在结对开始之后、结束之前；志愿者只能补记 120 天以内的。' },
});
