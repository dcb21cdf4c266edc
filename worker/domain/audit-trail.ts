/** The audit trail as the console shows it: who did what, to which record, when. */
import { and, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, coordinators } from '../db/schema';
import type { AuditFilter } from '../schemas/audit';

export const AUDIT_PAGE_SIZE = 100;

export async function listAudit(db: Db, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(like(auditLog.action, `${filter.action}%`));
  if (filter.subjectKind) conditions.push(eq(auditLog.subjectKind, filter.subjectKind));
  if (filter.actor) conditions.push(eq(coordinators.username, filter.actor));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorKind: auditLog.actorKind,
        actor: coordinators.displayName,
        action: auditLog.action,
        subjectKind: auditLog.subjectKind,
        subjectId: auditLog.subjectId,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(coordinators, eq(coordinators.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).leftJoin(coordinators, eq(coordinators.id, auditLog.actorId)).where(where),
  ]);
  const n = total?.n ?? 0;
  return { entries: rows, total: n, page: filter.page, pages: Math.max(1, Math.ceil(n / AUDIT_PAGE_SIZE)) };
}
