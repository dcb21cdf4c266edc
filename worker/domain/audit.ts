import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import type { ActorKind } from './vocabulary';

export interface AuditEntry {
  actorKind: ActorKind;
  actorId: number | null;
  action: string;
  subjectKind: string;
  subjectId: number | null;
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
