/** Volunteers as a spreadsheet (.xlsx or CSV) for coordinators (personal data: the export itself is audited). */
import type { Db } from '#worker/platform/db/client.ts';
import type { VolunteerFilter } from './inputs';
import { auditInsert } from '#worker/audit/index.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { exportFile, type ExportedFile, type ExportFormat } from '#worker/platform/export-file.ts';
import { HELP_TYPE_LABELS, VOLUNTEER_STATUS_LABELS } from '#worker/vocabulary.ts';
import { listVolunteers } from './vetting';

export async function exportVolunteers<F extends ExportFormat>(db: Db, filter: VolunteerFilter, actorId: number, format: F, now = new Date()): Promise<ExportedFile<F>> {
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
  await db.batch([auditInsert(db, { actorKind: 'coordinator', actorId, action: 'export', subjectKind: 'export', subjectId: null, detail: { what: 'volunteers', format, rows: rows.length }, at: now })]);
  const header = ['编号', '姓名', '手机', '邮箱', '镇/区', '想怎样帮忙', '有空的时间', '留言', '状态', '未通过原因', '报名日期'];
  // The mobile number stays a text cell: every digit kept, never 1.39E+10.
  return exportFile({ name: '志愿者', filename: `志愿者-${beijingDay(now)}`, header, rows, numberColumns: [0] }, format);
}
