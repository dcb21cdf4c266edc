/**
 * The term record (台账) a school shows its inspectors: for each pairing that was active during a
 * term, and for each planned kind of contact, how many the plan asked for and how many were done,
 * with totals. As a console page that prints on A4, and as a spreadsheet (.xlsx, or CSV with BOM).
 *
 * How many a plan asks for in a term, over the days the pairing was active in it: weekly one per
 * 7 days, fortnightly one per 14, monthly one per 30; each term one when it was active at least 30
 * days of it; yearly one, counted in the term that spans the new year (the 送温暖 before the
 * Spring Festival).
 */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { auditInsert } from '#worker/audit/index.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { pairingChildren, pairingContacts, pairings, volunteers } from '#worker/platform/db/schema.ts';
import { exportFile, type ExportedFile, type ExportFormat } from '#worker/platform/export-file.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { CONTACT_KIND_LABELS, CONTACT_KINDS, PAIRING_KIND_LABELS, PAIRING_STATUS_LABELS, type ContactKind, type PairingKind, type PairingStatus } from '#worker/vocabulary.ts';
import { activeDaysIn, CADENCE_LABELS, dueDatesWithin, planFor, TERM_GRACE_DAYS, type Cadence, type Term } from './cadence';
import { pairingSettings } from './lists';

/**
 * How many contacts of a cadence a term asks for of a pairing active since `activatedOn`, over its
 * active span [from, to] in the term: the due dates the volunteer's page shows that fall in the
 * span; each term, one when it was active at least TERM_GRACE_DAYS of it.
 */
export function plannedInTerm(cadence: Cadence, activatedOn: string, from: string, to: string): number {
  if (to < from || cadence === 'none') return 0;
  if (cadence === 'termly') return activeDaysIn({ name: '', startsOn: from, endsOn: to }, activatedOn) >= TERM_GRACE_DAYS ? 1 : 0;
  return dueDatesWithin(cadence, activatedOn, from, to);
}

export interface RecordRow {
  pairingId: number;
  kind: PairingKind;
  status: PairingStatus;
  volunteerName: string | null;
  childRef: string | null;
  childAlias: string | null;
  /** Days the pairing was active within the term (up to today for the current term). */
  activeDays: number;
  byKind: Record<ContactKind, { cadence: Cadence; planned: number; done: number; minutes: number }>;
}

export interface TermRecord {
  term: Term;
  rows: RecordRow[];
  totals: Record<ContactKind, { planned: number; done: number; minutes: number }>;
}

/** The record of one term, for every pairing active at some time in it. */
export async function termRecord(db: Db, term: Term, now = new Date()): Promise<TermRecord> {
  const settings = await pairingSettings(db, now);
  const until = [term.endsOn, beijingDay(now)].sort()[0]!;
  const rows = await db
    .select({
      id: pairings.id,
      kind: pairings.kind,
      status: pairings.status,
      activatedAt: pairings.activatedAt,
      endedAt: pairings.endedAt,
      volunteerName: volunteers.name,
      childRef: pairingChildren.registerRef,
      childAlias: pairingChildren.alias,
    })
    .from(pairings)
    .innerJoin(volunteers, eq(volunteers.id, pairings.volunteerId))
    .innerJoin(pairingChildren, eq(pairingChildren.id, pairings.childId))
    .where(sql`${pairings.activatedAt} IS NOT NULL AND ${pairings.activatedAt} < ${Date.parse(`${until}T16:00:00Z`)} AND (${pairings.endedAt} IS NULL OR ${pairings.endedAt} >= ${Date.parse(`${term.startsOn}T00:00:00Z`) - 8 * 3600_000})`)
    .orderBy(asc(pairingChildren.registerRef), asc(pairings.id));
  const ids = rows.map((r) => r.id);
  const done = ids.length
    ? await db
        .select({ pairingId: pairingContacts.pairingId, kind: pairingContacts.kind, n: sql<number>`count(*)`, minutes: sql<number>`sum(${pairingContacts.minutes})` })
        .from(pairingContacts)
        .where(and(ids.length > 90 ? undefined : inArray(pairingContacts.pairingId, ids), gte(pairingContacts.on, term.startsOn), lte(pairingContacts.on, term.endsOn)))
        .groupBy(pairingContacts.pairingId, pairingContacts.kind)
    : [];
  const totals = Object.fromEntries(CONTACT_KINDS.map((k) => [k, { planned: 0, done: 0, minutes: 0 }])) as TermRecord['totals'];
  const record = rows.map((r): RecordRow => {
    const from = [term.startsOn, beijingDay(r.activatedAt!)].sort().at(-1)!;
    const to = [until, r.endedAt ? beijingDay(r.endedAt) : until].sort()[0]!;
    const activeDays = activeDaysIn(term, beijingDay(r.activatedAt!), to);
    const plan = planFor(r.kind, settings?.planJson ?? '{}');
    const byKind = Object.fromEntries(
      CONTACT_KINDS.map((k) => {
        const d = done.find((x) => x.pairingId === r.id && x.kind === k);
        const entry = { cadence: plan[k], planned: plannedInTerm(plan[k], beijingDay(r.activatedAt!), from, to), done: d?.n ?? 0, minutes: d?.minutes ?? 0 };
        totals[k].planned += entry.planned;
        totals[k].done += entry.done;
        totals[k].minutes += entry.minutes;
        return [k, entry];
      }),
    ) as RecordRow['byKind'];
    return { pairingId: r.id, kind: r.kind, status: r.status, volunteerName: r.volunteerName, childRef: r.childRef, childAlias: r.childAlias, activeDays, byKind };
  });
  return { term, rows: record, totals };
}

/** The record as a spreadsheet for Excel and WPS (.xlsx, or CSV with BOM); the export is audited. */
export async function exportTermRecord<F extends ExportFormat>(db: Db, term: Term, actorId: number, format: F, now = new Date()): Promise<ExportedFile<F>> {
  const { rows, totals } = await termRecord(db, term, now);
  const header = ['结对编号', '方式', '状态', '志愿者', '学校登记编号', '称呼', '本学期结对天数', ...CONTACT_KINDS.flatMap((k) => [`${CONTACT_KIND_LABELS[k]}（要求）`, `${CONTACT_KIND_LABELS[k]}（完成）`])];
  const lines = rows.map((r) => [
    String(r.pairingId),
    PAIRING_KIND_LABELS[r.kind],
    PAIRING_STATUS_LABELS[r.status],
    r.volunteerName ?? '（已删除）',
    r.childRef ?? '（已匿名）',
    r.childAlias ?? '',
    String(r.activeDays),
    ...CONTACT_KINDS.flatMap((k) => [r.byKind[k].cadence === 'none' ? '' : `${r.byKind[k].planned}（${CADENCE_LABELS[r.byKind[k].cadence]}）`, String(r.byKind[k].done)]),
  ]);
  const total = ['合计', '', '', '', '', '', '', ...CONTACT_KINDS.flatMap((k) => [String(totals[k].planned), String(totals[k].done)])];
  await db.batch([auditInsert(db, { actorKind: 'coordinator', actorId, action: 'export', subjectKind: 'export', subjectId: null, detail: { what: 'pairing-record', format, term: term.name, rows: rows.length }, at: now })]);
  // The register number stays text; days and counts are numbers, so the sheet can add them up
  // (a planned count with its cadence, such as 4（每周）, stays text).
  const numberColumns = [0, 6, ...CONTACT_KINDS.flatMap((_, i) => [7 + 2 * i, 8 + 2 * i])];
  const preface = [[`结对台账：${term.name}（${term.startsOn} 至 ${term.endsOn}）`]];
  return exportFile({ name: '结对台账', filename: `结对台账-${term.name}`, preface, header, rows: [...lines, total], numberColumns }, format);
}

/** The terms a record can be shown for (begun by today), newest first, and the one asked for (default: the current or last one). */
export async function recordTerms(db: Db, asked: string, now = new Date()): Promise<{ terms: Term[]; term: Term | null }> {
  const today = beijingDay(now);
  const terms = ((await pairingSettings(db, now))?.terms ?? []).filter((t) => t.startsOn <= today).reverse();
  return { terms, term: terms.find((t) => t.startsOn === asked) ?? terms[0] ?? null };
}
