/** The campaign settings' field names, as the form and its error summary show them. */
export const CAMPAIGN_LABELS = {
  name: '活动名称',
  summary: '活动简介',
  startsOn: '开始日期',
  claimDeadline: '认领截止日期',
  dropoffDeadline: '礼物送达截止日期',
  dropoffPlace: '送礼物的地点（学校）',
  valueGuide: '每份礼物的价值建议',
  claimCap: '每位志愿者最多同时认领几张',
  approveWithinDays: '认领多少天内要审核',
  deliverWithinDays: '批准后多少天内要送到',
  villageNames: '本校服务的村庄（隐私检查用，一行一个）',
} as const;
