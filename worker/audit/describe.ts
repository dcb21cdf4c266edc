/**
 * An audit row in plain Chinese, for coordinators who are not engineers: who did it, what it
 * touched (with where to find it), and the change as a sentence instead of JSON.
 */
import {
  AUDIT_SUBJECT_KIND_LABELS,
  CARD_PUBLIC_TEXT_LABELS,
  CARD_STATUS_LABELS,
  CLAIM_QUEUE_LABELS,
  CLAIM_STATUS_LABELS,
  CONTACT_KIND_LABELS,
  ESCORT_ROLE_LABELS,
  PAIRING_END_REASON_LABELS,
  PAIRING_FREQUENCY_LABELS,
  PAIRING_KIND_LABELS,
  PAIRING_STATUS_LABELS,
  VOLUNTEER_STATUS_LABELS,
  type AuditSubjectKind,
} from '#worker/vocabulary.ts';

export interface AuditRow {
  actorKind: string;
  actorId: number | null;
  /** The coordinator's display name, when a coordinator did it. */
  actor: string | null;
  subjectKind: AuditSubjectKind;
  subjectId: number | null;
  detail: string;
}

export interface AuditDescription {
  who: string;
  /** Where the actor can be looked up in the console, if anywhere. */
  whoHref: string | null;
  what: string;
  whatHref: string | null;
  /** The change as a sentence ('' when there is nothing to add). */
  change: string;
}

/** Field names as the card form and the campaign settings label them. */
const FIELD_LABELS: Record<string, string> = {
  ...CARD_PUBLIC_TEXT_LABELS,
  age: '年龄',
  gradeBand: '年级段',
  category: '类别',
  handoutRef: '学校登记编号',
  consentOn: '监护人同意日期',
  consentMethod: '同意方式',
  notes: '备注',
  name: '活动名称',
  summary: '活动简介',
  startsOn: '开始日期',
  claimDeadline: '认领截止日期',
  dropoffDeadline: '礼物送达截止日期',
  dropoffPlace: '送礼物的地点',
  valueGuide: '礼物价值建议',
  claimCap: '每人最多认领几张',
  approveWithinDays: '审核期限',
  deliverWithinDays: '送达期限',
  villageNames: '村庄名单',
};
const STATUS_LABELS: Partial<Record<AuditSubjectKind, Record<string, string>>> = {
  card: CARD_STATUS_LABELS,
  claim: CLAIM_STATUS_LABELS,
  volunteer: VOLUNTEER_STATUS_LABELS,
  pairing: PAIRING_STATUS_LABELS,
};
/** A pairing's and a contact's coded values, in words. */
const CODED: Record<string, Record<string, string>> = {
  kind: { ...PAIRING_KIND_LABELS, ...CONTACT_KIND_LABELS },
  frequency: PAIRING_FREQUENCY_LABELS,
  escort: ESCORT_ROLE_LABELS,
  reason: PAIRING_END_REASON_LABELS,
};
const CONTACT_FIELDS: Record<string, string> = { on: '日期', kind: '方式', minutes: '分钟', escort: '陪同的人' };
const coded = (key: string, value: unknown) => (value === null ? '无' : (CODED[key]?.[String(value)] ?? text(value)));
const EXPORTS: Record<string, string> = { cards: '心愿卡', claims: '认领', volunteers: '志愿者', 'pairing-record': '结对台账' };

function parse(detail: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');

/** The sentence for a row's detail: each part the row has, in words. */
function changeOf(kind: AuditSubjectKind, d: Record<string, unknown>): string {
  const parts: string[] = [];
  const status = d.status as { from?: string; to?: string } | undefined;
  if (status?.from && status.to) {
    const labels = STATUS_LABELS[kind] ?? {};
    parts.push(`状态从“${labels[status.from] ?? status.from}”变为“${labels[status.to] ?? status.to}”`);
  }
  if ((kind === 'pairing' || kind === 'contact') && typeof d.kind === 'string') {
    parts.push([coded('kind', d.kind), typeof d.frequency === 'string' ? coded('frequency', d.frequency) : '', typeof d.minutes === 'number' ? `${d.minutes} 分钟` : '', d.escort ? `${coded('escort', d.escort)}陪同` : ''].filter(Boolean).join('，'));
  }
  if (d.callMe === true) parts.push('请学校联系志愿者');
  if (typeof d.consentOn === 'string') parts.push(`监护人 ${d.consentOn} 同意，${d.recordCheckedOn ? `记录 ${text(d.recordCheckedOn)} 查过` : ''}`);
  if (kind === 'pairing' && typeof d.reason === 'string') parts.push(`原因：${coded('reason', d.reason)}`);
  if (kind === 'contact' && d.changed && typeof d.changed === 'object' && !Array.isArray(d.changed)) {
    for (const [field, change] of Object.entries(d.changed as Record<string, { from: unknown; to: unknown }>)) {
      parts.push(`${CONTACT_FIELDS[field] ?? field}从“${coded(field, change.from)}”改为“${coded(field, change.to)}”`);
    }
  }
  if (Array.isArray(d.changed) && d.changed.length) parts.push(`改了${d.changed.map((f) => FIELD_LABELS[String(f)] ?? String(f)).join('、')}`);
  if (d.reviewCleared) parts.push('措辞改了，需要重新审核');
  if (d.field && d.kind) parts.push(`把${FIELD_LABELS[String(d.field)] ?? String(d.field)}里的“${text(d.found) || '这处提示'}”标记为不是个人信息`);
  if (kind !== 'pairing' && d.reason && typeof d.reason === 'string' && d.reason !== 'invalid' && d.reason !== 'locked') parts.push(`原因：${d.reason}`);
  if (d.reason === 'invalid') parts.push('用户名或密码不对');
  if (d.reason === 'locked') parts.push('尝试太多次，已暂时锁定');
  if (d.device === 'trusted') parts.push('（在常用的电脑上）');
  if (typeof d.what === 'string') parts.push(`导出${EXPORTS[d.what] ?? d.what} ${text(d.rows)} 行${typeof d.queue === 'string' ? `（${CLAIM_QUEUE_LABELS[d.queue as keyof typeof CLAIM_QUEUE_LABELS] ?? d.queue}）` : ''}${d.format === 'xlsx' ? '，Excel 表格（.xlsx）' : d.format === 'csv' ? '，CSV 表格' : ''}`);
  if (typeof d.created === 'number') parts.push(`导入 ${d.created} 张草稿${d.skippedDuplicates ? `，跳过已有的 ${text(d.skippedDuplicates)} 行` : ''}${d.invalid ? `，有问题的 ${text(d.invalid)} 行没有导入` : ''}`);
  if (typeof d.count === 'number') parts.push(`共 ${d.count} 条`);
  if (typeof d.retentionDays === 'number') parts.push(`超过 ${d.retentionDays} 天没有活动`);
  return parts.join('；');
}

export function describeAudit(row: AuditRow): AuditDescription {
  const d = parse(row.detail);
  const who =
    row.actorKind === 'coordinator' ? (row.actor ?? `协调员 #${row.actorId ?? '?'}`) : row.actorKind === 'volunteer' ? (row.actorId ? `志愿者 #${row.actorId}` : '志愿者') : '系统';
  const whoHref = row.actorKind === 'volunteer' && row.actorId ? `/admin/volunteers/${row.actorId}` : null;
  const code = text(d.code);
  const kindLabel = AUDIT_SUBJECT_KIND_LABELS[row.subjectKind] ?? row.subjectKind;
  const subject = (label: string, href: string | null) => ({ what: label, whatHref: href });
  const target =
    row.subjectKind === 'card' && code
      ? subject(`心愿卡 ${code}`, `/admin/cards/${code}`)
      : row.subjectKind === 'claim' && row.subjectId
        ? subject(`认领 #${row.subjectId}`, `/admin/claims/${row.subjectId}`)
        : row.subjectKind === 'volunteer' && row.subjectId
          ? subject(`志愿者 #${row.subjectId}`, `/admin/volunteers/${row.subjectId}`)
          : row.subjectKind === 'campaign'
            ? subject('活动设置', '/admin/campaign')
            : subject(row.subjectId ? `${kindLabel} #${row.subjectId}` : kindLabel, null);
  return { who, whoHref, ...target, change: changeOf(row.subjectKind, d) };
}
