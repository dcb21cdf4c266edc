/** The audit trail as the console shows it: who did what, to which record, when. */
import { and, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { paged } from '#worker/platform/paging.ts';
import { auditLog, coordinators } from '#worker/platform/db/schema.ts';
import type { AuditFilter } from './inputs';

export const AUDIT_PAGE_SIZE = 100;

// Only a coordinator's row names a coordinator: a volunteer's id may equal some coordinator's.
const byCoordinator = and(eq(auditLog.actorKind, 'coordinator'), eq(coordinators.id, auditLog.actorId));

export async function listAudit(db: Db, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(like(auditLog.action, `${filter.action}%`));
  if (filter.subjectKind) conditions.push(eq(auditLog.subjectKind, filter.subjectKind));
  if (filter.actor) conditions.push(eq(coordinators.username, filter.actor));
  const where = conditions.length ? and(...conditions) : undefined;
  const list = await paged(
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorKind: auditLog.actorKind,
        actorId: auditLog.actorId,
        actor: coordinators.displayName,
        action: auditLog.action,
        subjectKind: auditLog.subjectKind,
        subjectId: auditLog.subjectId,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(coordinators, byCoordinator)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).leftJoin(coordinators, byCoordinator).where(where),
    filter.page,
    AUDIT_PAGE_SIZE,
  );
  return { entries: list.items, total: list.total, page: list.page, pages: list.pages };
}
