/** Claims as a spreadsheet (.xlsx or CSV) for coordinators (with volunteers' names and numbers: the export is audited). */
import type { Db } from '#worker/platform/db/client.ts';
import { auditInsert } from '#worker/audit/index.ts';
import type { ClaimQueue } from '#worker/vocabulary.ts';
import { listClaims } from './queues';
import { beijingDay } from '#worker/platform/time.ts';
import { exportFile, type ExportedFile, type ExportFormat } from '#worker/platform/export-file.ts';
import { CLAIM_STATUS_LABELS } from '#worker/vocabulary.ts';

export async function exportClaims<F extends ExportFormat>(db: Db, queue: ClaimQueue, actorId: number, format: F, now = new Date()): Promise<ExportedFile<F>> {
  const claims = await listClaims(db, queue, now, 50_000);
  const day = (d: Date | null) => (d ? beijingDay(d) : '');
  const rows = claims.map((c) => [
    String(c.id),
    c.cardCode,
    c.cardAlias,
    c.volunteerName ?? '（已删除）',
    c.volunteerMobile ?? '',
    CLAIM_STATUS_LABELS[c.status] + (c.overdue ? '（超期）' : ''),
    day(c.createdAt),
    day(c.approvedAt),
    day(c.deliveredAt),
    day(c.receivedAt),
    c.rejectReason ?? '',
    c.campaignName,
  ]);
  await db.batch([auditInsert(db, { actorKind: 'coordinator', actorId, action: 'export', subjectKind: 'export', subjectId: null, detail: { what: 'claims', format, queue, rows: rows.length }, at: now })]);
  // The campaign last, so a file read by position before it had the column still lines up.
  const header = ['认领编号', '心愿卡', '称呼', '志愿者', '手机', '状态', '认领日期', '批准日期', '送达日期', '确认收到日期', '拒绝原因', '活动'];
  // The mobile number stays a text cell: every digit kept, never 1.39E+10.
  return exportFile({ name: '认领', filename: `认领-${beijingDay(now)}`, header, rows, numberColumns: [0] }, format);
}
