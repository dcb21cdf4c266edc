/** Why a campaign operation is refused: each code's HTTP status and Chinese message, written once. */
import { failureTable } from '#worker/platform/failures.ts';

export const { table: CAMPAIGN_FAILURES, fail: campaignFailure } = failureTable({
  no_campaign: { status: 404, message: '还没有活动' },
  no_school: { status: 409, message: '还没有学校的资料，请先用导入命令建好学校和第一个活动' },
  conflict: { status: 409, message: '活动刚被别人修改了，请刷新后再试。' },
  another_open: { status: 409, message: '另一个活动正在进行：同一所学校一次只能有一个活动接受认领，请先结束它。' },
  not_openable: { status: 409, message: '只有准备中或已结束的活动可以开始' },
  not_closable: { status: 409, message: '只有进行中的活动可以结束' },
  not_archivable: { status: 409, message: '只有已结束的活动可以归档' },
  archive_unfinished: { status: 409, message: '还有没了结的心愿，不能归档' },
  archived: { status: 409, message: '这个活动已归档，只能查看，不能修改' },
  not_after_deadline: { status: 409, message: '认领截止以后，才能由学校兜底' },
  none_selected: { status: 400, message: '请至少选一张心愿卡', code: 'invalid_input' },
});
