/**
 * Which constraint refused a write, read from a D1 error. Domain code asks
 * `uniqueFailed(err, cards.code)` instead of matching message text itself.
 */
import { getTableName } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

const KINDS = ['UNIQUE', 'CHECK', 'FOREIGN KEY', 'NOT NULL'] as const;
export type ConstraintKind = (typeof KINDS)[number];

export interface ConstraintFailure {
  kind: ConstraintKind;
  /** UNIQUE and NOT NULL: the columns as `table.column`; CHECK: the constraint's name; FOREIGN KEY: none (SQLite does not say). */
  on: string[];
}

// SQLite's own words as D1 passes them on, e.g. "D1_ERROR: UNIQUE constraint failed: cards.code:
// SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)". Anchored at the start so the text of a
// wrapping error (drizzle's "Failed query: …" quotes the bound values, which users type) never counts;
// not at the end, so a production D1 that words its tail differently is still understood.
// Column and constraint names hold no colon, so the names end at the first one; a FOREIGN KEY
// failure names nothing (its message goes straight on to SQLITE_CONSTRAINT).
const FAILED = /^(?:D1_ERROR: )?(UNIQUE|CHECK|FOREIGN KEY|NOT NULL) constraint failed(?:: (?!SQLITE_)([^:]+?))?(?::|$)/;
const BY_TRIGGER = /SQLITE_CONSTRAINT_TRIGGER/;

/** The constraint a D1 error (or one of its causes) reports, or null for any other error, a trigger's RAISE included. */
export function constraintFailure(err: unknown): ConstraintFailure | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const m = FAILED.exec(e.message);
    const kind = KINDS.find((k) => k === m?.[1]);
    if (!m || !kind) continue;
    // A trigger may RAISE any words; SQLite marks its failures as such.
    if (BY_TRIGGER.test(e.message)) return null;
    return { kind, on: m[2] ? m[2].split(', ') : [] };
  }
  return null;
}

/** Whether a UNIQUE constraint or unique index (a primary key too) on exactly these columns, in order, refused the write. */
export function uniqueFailed(err: unknown, ...columns: SQLiteColumn[]): boolean {
  const failure = constraintFailure(err);
  const names = columns.map((c) => `${getTableName(c.table)}.${c.name}`);
  return failure?.kind === 'UNIQUE' && failure.on.join(', ') === names.join(', ');
}

/** Whether the CHECK constraint with this name (as schema.ts gives it) refused the write. */
export function checkFailed(err: unknown, name: string): boolean {
  const failure = constraintFailure(err);
  return failure?.kind === 'CHECK' && failure.on.length === 1 && failure.on[0] === name;
}

// A trigger's RAISE(ABORT, 'campaign_archived') (drizzle/0004): the message starts with the trigger's own words.
const ARCHIVED = /^(?:D1_ERROR: )?campaign_archived(?::|$)/;

/** Whether the database refused the write because it touched an archived campaign's records. */
export function archivedRefused(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) if (ARCHIVED.test(e.message)) return true;
  return false;
}
