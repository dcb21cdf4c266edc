/**
 * Children in pairings, as the school knows them: a register reference, an alias and a grade band,
 * in a coordinator-only table. The privacy gate reads both words before they are kept: an alias
 * that is a full name, or a "register reference" that is a name, a class, a village or an ID
 * number, is refused with the words it found (docs/decisions/015).
 */
import { asc, isNull, sql } from 'drizzle-orm';
import { auditInsert } from '#worker/audit/index.ts';
import { privacyContext } from '#worker/cards/index.ts';
import type { Db } from '#worker/platform/db/client.ts';
import type { Failure } from '#worker/platform/failures.ts';
import { uniqueFailed } from '#worker/platform/db/constraints.ts';
import { pairingChildren, schools } from '#worker/platform/db/schema.ts';
import { checkTexts, type PrivacyContext, type PrivacyFinding } from '#worker/privacy/index.ts';
import type { GradeBand } from '#worker/vocabulary.ts';
import { pairingFailure } from './failures';
import type { PairingChildInput } from './inputs';

/** A mobile number: the one kind of phone number a register reference could be mistaken for, and must not hold. */
const MOBILE = /1[3-9]\d{9}/;

/**
 * What the gate finds in a child's words. A register reference is a number by nature ("2024-031"
 * reads to the gate like a landline), so there a phone number counts only when it is a mobile.
 */
export function childWordFindings(input: Pick<PairingChildInput, 'registerRef' | 'alias'>, ctx: PrivacyContext): PrivacyFinding[] {
  const alias = checkTexts([{ field: 'alias', label: '称呼', text: input.alias, alias: true }], ctx);
  const ref = checkTexts([{ field: 'registerRef', label: '学校登记编号', text: input.registerRef }], ctx).filter(
    (f) => f.kind !== 'phone' || MOBILE.test(f.found.replace(/\D/g, '')),
  );
  return [...alias, ...ref];
}

export type ChildResult = { ok: true; childId: number } | Failure;

function refused(findings: PrivacyFinding[]) {
  const fields: Record<string, string> = {};
  for (const f of findings) fields[f.field] = fields[f.field] ? `${fields[f.field]}；${f.message}` : f.message;
  return pairingFailure('child_words', { fields });
}

/** Records a child for pairing at the (only) school. */
export async function createPairingChild(db: Db, input: PairingChildInput, coordinatorId: number): Promise<ChildResult> {
  const findings = childWordFindings(input, await privacyContext(db));
  if (findings.length) return refused(findings);
  const school = await db.select({ id: schools.id }).from(schools).orderBy(asc(schools.id)).get();
  if (!school) return pairingFailure('child_not_found');
  try {
    const [[row]] = await db.batch([
      db.insert(pairingChildren).values({ schoolId: school.id, registerRef: input.registerRef, alias: input.alias, gradeBand: input.gradeBand }).returning({ id: pairingChildren.id }),
      auditInsert(db, {
        actorKind: 'coordinator',
        actorId: coordinatorId,
        action: 'pairing_child.create',
        subjectKind: 'pairing_child',
        subjectId: sql`(SELECT id FROM pairing_children WHERE school_id = ${school.id} AND register_ref = ${input.registerRef})`,
        detail: { gradeBand: input.gradeBand },
      }),
    ] as const);
    return { ok: true, childId: row!.id };
  } catch (err) {
    if (uniqueFailed(err, pairingChildren.schoolId, pairingChildren.registerRef)) return pairingFailure('child_exists');
    throw err;
  }
}

export interface PairingChild {
  id: number;
  registerRef: string | null;
  alias: string;
  gradeBand: GradeBand;
}

/** Children a coordinator can match an offer to (not anonymised), by register reference. */
export function listPairingChildren(db: Db): Promise<PairingChild[]> {
  return db
    .select({ id: pairingChildren.id, registerRef: pairingChildren.registerRef, alias: pairingChildren.alias, gradeBand: pairingChildren.gradeBand })
    .from(pairingChildren)
    .where(isNull(pairingChildren.anonymisedAt))
    .orderBy(asc(pairingChildren.registerRef));
}
