/**
 * Pairings as the console and a volunteer see them. The console's lists carry the child's register
 * reference; a volunteer's never do (their own pairings only: the child's alias and grade band,
 * what is due by when, their log and the school's office phone).
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { pairingChildren, pairingContacts, pairings, schools, volunteers } from '#worker/platform/db/schema.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { CONTACT_KINDS, type ContactKind, type EscortRole, type GradeBand, type PairingEndReason, type PairingFrequency, type PairingKind, type PairingStatus } from '#worker/vocabulary.ts';
import { dueToday, planFor, storedTerms, termsFor, type KindDue, type Term } from './cadence';
import type { PairingSettingsInput } from './inputs';
import { auditInsert } from '#worker/audit/index.ts';

export interface SchoolPairingSettings {
  officePhone: string;
  pairingCap: number;
  planJson: string;
  terms: Term[];
  /** The terms the school set itself (none: the usual calendar applies). */
  termsSet: Term[];
}

/** The (only) school's pairing settings, with its terms around today. */
export async function pairingSettings(db: Db, now = new Date()): Promise<SchoolPairingSettings | null> {
  const row = await db.select({ officePhone: schools.officePhone, pairingCap: schools.pairingCap, planJson: schools.pairingPlan, terms: schools.terms }).from(schools).orderBy(asc(schools.id)).get();
  if (!row) return null;
  return { officePhone: row.officePhone, pairingCap: row.pairingCap, planJson: row.planJson, terms: termsFor(row.terms, beijingDay(now)), termsSet: storedTerms(row.terms) };
}

/** The last contact of each kind, per pairing. */
async function lastContacts(db: Db, ids: number[]): Promise<Map<number, Partial<Record<ContactKind, string>>>> {
  const out = new Map<number, Partial<Record<ContactKind, string>>>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ pairingId: pairingContacts.pairingId, kind: pairingContacts.kind, lastOn: sql<string>`max(${pairingContacts.on})` })
    .from(pairingContacts)
    // D1 binds at most 100 values a query: a long list reads every pairing's contacts instead.
    .where(ids.length > 90 ? undefined : inArray(pairingContacts.pairingId, ids))
    .groupBy(pairingContacts.pairingId, pairingContacts.kind);
  for (const r of rows) out.set(r.pairingId, { ...out.get(r.pairingId), [r.kind]: r.lastOn });
  return out;
}

/** What is due for an active pairing today; nothing for one that is not active. */
function dueOf(p: { kind: PairingKind; status: PairingStatus; activatedAt: Date | null }, last: Partial<Record<ContactKind, string>> | undefined, settings: SchoolPairingSettings, now: Date): KindDue[] {
  if (p.status !== 'active' || !p.activatedAt) return [];
  return dueToday(planFor(p.kind, settings.planJson), beijingDay(p.activatedAt), last ?? {}, settings.terms, beijingDay(now));
}

export interface ConsolePairing {
  id: number;
  kind: PairingKind;
  status: PairingStatus;
  frequency: PairingFrequency;
  preferredGradeBand: GradeBand | null;
  offeredAt: Date;
  activatedAt: Date | null;
  endReason: PairingEndReason | null;
  volunteerId: number;
  volunteerName: string | null;
  volunteerMobile: string | null;
  childId: number | null;
  childAlias: string | null;
  childRef: string | null;
  childGradeBand: GradeBand | null;
  consentOn: string | null;
  consentMethod: string | null;
  recordCheckedOn: string | null;
  due: KindDue[];
  overdue: boolean;
  /** "请学校联系我" flags not yet handled. */
  callRequests: number;
}

export interface PairingFilter {
  status?: PairingStatus | '';
  /** Only pairings with something overdue. */
  overdue?: boolean;
  /** Only pairings whose volunteer asked the school to call. */
  flagged?: boolean;
}

function consoleSelect(db: Db) {
  return db
    .select({
      id: pairings.id,
      kind: pairings.kind,
      status: pairings.status,
      frequency: pairings.frequency,
      preferredGradeBand: pairings.preferredGradeBand,
      offeredAt: pairings.offeredAt,
      activatedAt: pairings.activatedAt,
      endReason: pairings.endReason,
      volunteerId: pairings.volunteerId,
      volunteerName: volunteers.name,
      volunteerMobile: volunteers.mobile,
      childId: pairings.childId,
      childAlias: pairingChildren.alias,
      childRef: pairingChildren.registerRef,
      childGradeBand: pairingChildren.gradeBand,
      consentOn: pairings.consentOn,
      consentMethod: pairings.consentMethod,
      recordCheckedOn: pairings.recordCheckedOn,
      callRequests: sql<number>`(SELECT count(*) FROM pairing_contacts pc WHERE pc.pairing_id = ${pairings.id} AND pc.call_me = 1 AND pc.call_handled_at IS NULL)`,
    })
    .from(pairings)
    .innerJoin(volunteers, eq(volunteers.id, pairings.volunteerId))
    .leftJoin(pairingChildren, eq(pairingChildren.id, pairings.childId));
}

/** The console's list of pairings: by status, overdue or flagged; the longest waiting first. */
export async function listConsolePairings(db: Db, filter: PairingFilter = {}, now = new Date()): Promise<ConsolePairing[]> {
  const settings = await pairingSettings(db, now);
  const rows = await consoleSelect(db)
    .where(filter.status ? eq(pairings.status, filter.status) : filter.overdue ? eq(pairings.status, 'active') : undefined)
    .orderBy(asc(pairings.offeredAt), asc(pairings.id));
  const last = await lastContacts(db, rows.map((r) => r.id));
  const list = rows.map((r) => {
    const due = settings ? dueOf(r, last.get(r.id), settings, now) : [];
    return { ...r, due, overdue: due.some((d) => d.overdue) };
  });
  return list.filter((p) => (!filter.overdue || p.overdue) && (!filter.flagged || p.callRequests > 0));
}

export interface ContactEntry {
  id: number;
  on: string;
  kind: ContactKind;
  minutes: number;
  escort: EscortRole | null;
  callMe: boolean;
  callHandledAt: Date | null;
  recordedByKind: 'coordinator' | 'volunteer' | 'system';
  correctedAt: Date | null;
}

async function contactsOf(db: Db, pairingId: number, limit = 200): Promise<ContactEntry[]> {
  return db
    .select({
      id: pairingContacts.id,
      on: pairingContacts.on,
      kind: pairingContacts.kind,
      minutes: pairingContacts.minutes,
      escort: pairingContacts.escort,
      callMe: pairingContacts.callMe,
      callHandledAt: pairingContacts.callHandledAt,
      recordedByKind: pairingContacts.recordedByKind,
      correctedAt: pairingContacts.correctedAt,
    })
    .from(pairingContacts)
    .where(eq(pairingContacts.pairingId, pairingId))
    .orderBy(desc(pairingContacts.on), desc(pairingContacts.id))
    .limit(limit);
}

/** One pairing for the console, with its whole log. */
export async function consolePairing(db: Db, id: number, now = new Date()): Promise<(ConsolePairing & { contacts: ContactEntry[] }) | null> {
  const row = await consoleSelect(db).where(eq(pairings.id, id)).get();
  if (!row) return null;
  const [settings, last, contacts] = await Promise.all([pairingSettings(db, now), lastContacts(db, [id]), contactsOf(db, id)]);
  const due = settings ? dueOf(row, last.get(id), settings, now) : [];
  return { ...row, due, overdue: due.some((d) => d.overdue), contacts };
}

export interface VolunteerPairing {
  id: number;
  kind: PairingKind;
  status: PairingStatus;
  frequency: PairingFrequency;
  preferredGradeBand: GradeBand | null;
  /** The child as the volunteer may know them: alias and grade band, while the pairing is active or suspended. */
  childAlias: string | null;
  childGradeBand: GradeBand | null;
  activatedAt: Date | null;
  due: KindDue[];
  contacts: ContactEntry[];
}

/** A volunteer's own pairings, newest first: never the child's register reference. */
export async function volunteerPairings(db: Db, volunteerId: number, now = new Date()): Promise<VolunteerPairing[]> {
  const rows = await db
    .select({
      id: pairings.id,
      kind: pairings.kind,
      status: pairings.status,
      frequency: pairings.frequency,
      preferredGradeBand: pairings.preferredGradeBand,
      childAlias: pairingChildren.alias,
      childGradeBand: pairingChildren.gradeBand,
      activatedAt: pairings.activatedAt,
    })
    .from(pairings)
    // The child joins only while the pairing runs: not before the safeguards are done, not after it ended.
    .leftJoin(pairingChildren, and(eq(pairingChildren.id, pairings.childId), inArray(pairings.status, ['active', 'suspended'])))
    .where(eq(pairings.volunteerId, volunteerId))
    .orderBy(desc(pairings.offeredAt), desc(pairings.id));
  if (rows.length === 0) return [];
  const [settings, last] = await Promise.all([pairingSettings(db, now), lastContacts(db, rows.map((r) => r.id))]);
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      due: settings ? dueOf(r, last.get(r.id), settings, now) : [],
      contacts: r.status === 'offered' || r.status === 'withdrawn' ? [] : await contactsOf(db, r.id, 50),
    })),
  );
}

export interface PairingQueueCounts {
  offers: number;
  overdue: number;
  callRequests: number;
}

/** The console home's pairing queues: offers to match, overdue pairings, volunteers waiting for a call. */
export async function pairingQueueCounts(db: Db, now = new Date()): Promise<PairingQueueCounts> {
  const [offers, calls, overdue] = await Promise.all([
    db.select({ n: sql<number>`count(*)` }).from(pairings).where(eq(pairings.status, 'offered')).get(),
    db.select({ n: sql<number>`count(*)` }).from(pairingContacts).where(and(eq(pairingContacts.callMe, true), isNull(pairingContacts.callHandledAt))).get(),
    listConsolePairings(db, { overdue: true }, now),
  ]);
  return { offers: offers?.n ?? 0, overdue: overdue.length, callRequests: calls?.n ?? 0 };
}

/** Saves the school's pairing settings (cap, plan, terms), with its audit row. */
export async function savePairingSettings(db: Db, input: PairingSettingsInput, coordinatorId: number, now = new Date()): Promise<{ ok: true }> {
  const plan = Object.fromEntries(CONTACT_KINDS.map((k) => [k, input[`plan_${k}`]]));
  const school = await db.select({ id: schools.id }).from(schools).orderBy(asc(schools.id)).get();
  if (!school) return { ok: true };
  await db.batch([
    db.update(schools).set({ pairingCap: input.pairingCap, pairingPlan: JSON.stringify(plan), terms: JSON.stringify(input.terms) }).where(eq(schools.id, school.id)),
    auditInsert(db, { actorKind: 'coordinator', actorId: coordinatorId, action: 'pairing.settings', subjectKind: 'pairing', subjectId: null, detail: { pairingCap: input.pairingCap, terms: input.terms.length }, at: now }),
  ]);
  return { ok: true };
}
