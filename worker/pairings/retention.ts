/**
 * Pairings when a volunteer's data is erased, and the records' retention: PRODUCT.md keeps pairing
 * records for the school for three years after a pairing ends, then keeps only counts.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { auditLog, pairingChildren, pairings } from '#worker/platform/db/schema.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';

/** Three years after a child's last pairing ended, the child's record keeps only its grade band. */
export const PAIRING_RETENTION_DAYS = 3 * 365 + 1;

/**
 * The statements that end an erased volunteer's pairings, each with its audit row, to go in the
 * erasure's own batch: active, suspended and proposed ones end ("志愿者的信息已删除"), an open offer
 * is withdrawn. `volunteer` is an id or a subquery naming the volunteers.
 */
export function endPairingsOf(db: Db, volunteer: number | SQL, now: Date, actor: { kind: 'coordinator' | 'system'; id: number | null }) {
  const whose = typeof volunteer === 'number' ? eq(pairings.volunteerId, volunteer) : sql`${pairings.volunteerId} IN ${volunteer}`;
  // One audit row per pairing the next statements change, selected from those pairings.
  const audit = (action: 'pairing.end' | 'pairing.withdraw', from: string, to: string, extra: SQL = sql``) =>
    insertSelect(
      db,
      auditLog,
      { at: now, actorKind: actor.kind, actorId: actor.id, action, subjectKind: 'pairing', subjectId: sql`${pairings.id}`, detail: sql`json_object('status', json_object('from', ${pairings.status}, 'to', ${to})${extra})` },
      sql`FROM ${pairings} WHERE ${whose} AND ${pairings.status} IN (${sql.raw(from)})`,
    );
  return [
    audit('pairing.end', `'proposed', 'active', 'suspended'`, 'ended', sql`, 'reason', 'volunteer_erased'`),
    audit('pairing.withdraw', `'offered'`, 'withdrawn'),
    db
      .update(pairings)
      .set({ status: 'ended', endReason: 'volunteer_erased', endedAt: now, updatedAt: now })
      .where(and(whose, inArray(pairings.status, ['proposed', 'active', 'suspended']))),
    db.update(pairings).set({ status: 'withdrawn', endedAt: now, updatedAt: now }).where(and(whose, eq(pairings.status, 'offered'))),
  ] as const;
}

/** The retention job: empties the register reference and alias of children whose pairings all ended over three years ago. */
export async function anonymiseOldPairingChildren(db: Db, now = new Date()): Promise<void> {
  const cutoff = now.getTime() - PAIRING_RETENTION_DAYS * 24 * 60 * 60 * 1000;
  await db.batch([
    db
      .update(pairingChildren)
      .set({ registerRef: null, alias: '已匿名', anonymisedAt: now })
      .where(
        and(
          isNull(pairingChildren.anonymisedAt),
          sql`NOT EXISTS (SELECT 1 FROM pairings p WHERE p.child_id = ${pairingChildren.id} AND p.status IN ('proposed', 'active', 'suspended'))`,
          sql`max(${pairingChildren.createdAt}, coalesce((SELECT max(p.ended_at) FROM pairings p WHERE p.child_id = ${pairingChildren.id}), 0)) < ${cutoff}`,
        ),
      ),
    insertSelect(
      db,
      auditLog,
      { at: now, actorKind: 'system', actorId: null, action: 'pairing_child.edit', subjectKind: 'pairing_child', subjectId: null, detail: sql`json_object('anonymised', changes(), 'retentionDays', ${PAIRING_RETENTION_DAYS})` },
      sql`WHERE changes() > 0`,
    ),
  ]);
}
