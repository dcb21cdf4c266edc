import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { checkFailed } from '#worker/platform/db/constraints.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';
import { auditLog } from '#worker/platform/db/schema.ts';
import type { ActorKind, AuditAction, AuditSubjectKind } from '#worker/vocabulary.ts';

export interface AuditEntry {
  actorKind: ActorKind;
  actorId: number | null;
  action: AuditAction;
  subjectKind: AuditSubjectKind;
  /** The record's id, or a subquery that finds it within the same batch. */
  subjectId: number | null | SQL;
  /** Non-personal details only: ids, field names, counts, statuses. */
  detail?: Record<string, unknown>;
  at?: Date;
}

/**
 * The insert for one audit row, to go in the same D1 batch as the change it
 * records: if either fails, neither is written.
 */
export function auditInsert(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({
    actorKind: entry.actorKind,
    actorId: entry.actorId,
    action: entry.action,
    subjectKind: entry.subjectKind,
    subjectId: entry.subjectId,
    detail: JSON.stringify(entry.detail ?? {}),
    ...(entry.at ? { at: entry.at } : {}),
  });
}

/** The code a guarded audit row fails with when the write before it changed nothing. */
export const LOST_RACE = 'audit_log_actor_kind_valid';

/**
 * An audit row that also guards its batch. Placed right after a conditional
 * write, it is inserted only if that write changed exactly one row; otherwise
 * its actor kind is invalid, the CHECK constraint fails, and D1 rolls back the
 * whole batch. So a change that lost a race writes nothing, and a change is
 * never written without its audit row.
 */
export function guardedAudit(db: Db, entry: AuditEntry) {
  return insertSelect(db, auditLog, {
    at: entry.at ?? new Date(),
    actorKind: sql`CASE WHEN changes() = 1 THEN ${entry.actorKind} ELSE 'lost_race' END`,
    actorId: entry.actorId,
    action: entry.action,
    subjectKind: entry.subjectKind,
    subjectId: entry.subjectId,
    detail: JSON.stringify(entry.detail ?? {}),
  });
}

/** Whether a failed batch failed because its guarded write changed nothing. */
export function lostRace(err: unknown): boolean {
  return checkFailed(err, LOST_RACE);
}
