/** Volunteers as CSV for coordinators (personal data: the export itself is audited). */
import type { Db } from '#worker/platform/db/client.ts';
import type { VolunteerFilter } from './inputs';
import { auditInsert } from '#worker/audit/index.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { toCsv } from '#worker/platform/csv.ts';
import { HELP_TYPE_LABELS, VOLUNTEER_STATUS_LABELS } from '#worker/vocabulary.ts';
import { listVolunteers } from './vetting';

export async function exportVolunteersCsv(db: Db, filter: VolunteerFilter, actorId: number, now = new Date()) {
  const { volunteers } = await listVolunteers(db, { ...filter, page: 1 }, 20_000);
  const rows = volunteers.map((v) => [
    String(v.id),
    v.erasedAt ? '（已删除）' : (v.name ?? ''),
    v.mobile ?? '',
    v.email ?? '',
    v.town ?? '',
    v.helpTypes.map((h) => HELP_TYPE_LABELS[h]).join('、'),
    v.availability,
    v.note,
    VOLUNTEER_STATUS_LABELS[v.status],
    v.rejectReason ?? '',
    beijingDay(v.createdAt),
  ]);
  await db.batch([auditInsert(db, { actorKind: 'coordinator', actorId, action: 'export', subjectKind: 'export', subjectId: null, detail: { what: 'volunteers', rows: rows.length }, at: now })]);
  const header = ['编号', '姓名', '手机', '邮箱', '镇/区', '想怎样帮忙', '有空的时间', '留言', '状态', '未通过原因', '报名日期'];
  return { filename: `志愿者-${beijingDay(now)}.csv`, body: toCsv([header, ...rows]) };
}
