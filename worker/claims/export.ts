/** Claims as CSV for coordinators (with volunteers' names and numbers: the export is audited). */
import type { Db } from '#worker/platform/db/client.ts';
import { auditInsert } from '#worker/audit/index.ts';
import type { ClaimQueue } from '#worker/vocabulary.ts';
import { listClaims } from './queues';
import { beijingDay } from '#worker/platform/time.ts';
import { toCsv } from '#worker/platform/csv.ts';
import { CLAIM_STATUS_LABELS } from '#worker/vocabulary.ts';

export async function exportClaimsCsv(db: Db, queue: ClaimQueue, actorId: number, now = new Date()) {
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
  ]);
  await db.batch([auditInsert(db, { actorKind: 'coordinator', actorId, action: 'export', subjectKind: 'export', subjectId: null, detail: { what: 'claims', queue, rows: rows.length }, at: now })]);
  const header = ['认领编号', '心愿卡', '称呼', '志愿者', '手机', '状态', '认领日期', '批准日期', '送达日期', '确认收到日期', '拒绝原因'];
  return { filename: `认领-${beijingDay(now)}.csv`, body: toCsv([header, ...rows]) };
}
