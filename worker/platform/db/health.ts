import { sql } from 'drizzle-orm';
import type { Db } from './client';

export type Health = { ok: true } | { ok: false; reason: string };

/** Proves the database answers a real query against the schema, not just that a binding exists. */
export async function checkHealth(db: Db): Promise<Health> {
  try {
    const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM campaigns`);
    if (typeof row?.n !== 'number') return { ok: false, reason: 'unexpected_result' };
    return { ok: true };
  } catch {
    // The error text may name tables or SQL; callers get a reason code only.
    return { ok: false, reason: 'database_unavailable' };
  }
}
