import { getTableColumns, is, sql, SQL, type Param } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/** A value per column, by its schema key: a plain value (bound with the column's own mapping) or SQL. */
export type SelectedValues<T extends SQLiteTable> = { [K in keyof T['$inferInsert']]?: T['$inferInsert'][K] | SQL };

/** What drizzle's own insert().values() writes for a column left out: its default, or NULL. */
function defaultOf(column: SQLiteColumn): SQL | Param {
  const made = column.default ?? column.defaultFn?.();
  if (made === undefined || made === null) return sql`NULL`;
  return is(made, SQL) ? made : sql.param(made, column);
}

/**
 * `INSERT INTO table (every column) SELECT … <rest>` for a conditional or
 * set-based insert, with the values given by column name. drizzle's
 * insert().select() lists every column in table order and matches the SELECT
 * by position; here the SELECT list is built in that same order from the
 * names, so a column added to the table later cannot shift the values into the
 * wrong places. Columns left out take their defaults. (A `db.run(sql)` with its
 * own column list cannot go in a D1 batch with bound values in drizzle 0.45.)
 */
export function insertSelect<T extends SQLiteTable>(db: Db, table: T, values: SelectedValues<T>, rest: SQL = sql``) {
  const given: Record<string, unknown> = values;
  const selected = Object.entries(getTableColumns(table))
    // As drizzle's column list does: a generated column takes no value.
    .filter(([, column]) => column.generated === undefined)
    .map(([key, column]) => {
      const value = given[key];
      if (value === undefined) return defaultOf(column);
      return is(value, SQL) ? value : sql.param(value, column);
    });
  return db.insert(table).select(sql`SELECT ${sql.join(selected, sql`, `)} ${rest}`);
}
