/**
 * Coordinators and volunteers' records: the vetting queue, decisions, a fresh
 * private link, and erasing personal data (on request, or by the retention job).
 * Each change is a conditional write with its guarded audit row in one batch.
 */
import { and, count, desc, eq, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { hashToken, newToken } from '#worker/platform/auth/token.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';
import { paged } from '#worker/platform/paging.ts';
import { auditLog, signupRepeats, volunteers } from '#worker/platform/db/schema.ts';
import type { VolunteerFilter } from './inputs';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import { volunteerFailure } from './failures';
import type { HelpType, VolunteerStatus } from '#worker/vocabulary.ts';
import { RETENTION_DAYS } from './policies';
import { endPairingsOf } from '#worker/pairings/index.ts';

export interface ConsoleVolunteer {
  id: number;
  name: string | null;
  mobile: string | null;
  email: string | null;
  town: string | null;
  helpTypes: HelpType[];
  availability: string;
  note: string;
  status: VolunteerStatus;
  rejectReason: string | null;
  createdAt: Date;
  lastActiveAt: Date;
  erasedAt: Date | null;
  repeats: number;
}

// drizzle writes a column inside sql`` without its table ("id"), which inside this subquery means
// signup_repeats.id: the outer table is named in full, so the count is the volunteer's own.
const repeatsCount = sql<number>`(SELECT count(*) FROM ${signupRepeats} r WHERE r.volunteer_id = ${volunteers}.${sql.identifier(volunteers.id.name)})`;
const columns = {
  id: volunteers.id,
  name: volunteers.name,
  mobile: volunteers.mobile,
  email: volunteers.email,
  town: volunteers.town,
  helpTypes: volunteers.helpTypes,
  availability: volunteers.availability,
  note: volunteers.note,
  status: volunteers.status,
  rejectReason: volunteers.rejectReason,
  createdAt: volunteers.createdAt,
  lastActiveAt: volunteers.lastActiveAt,
  erasedAt: volunteers.erasedAt,
  repeats: repeatsCount,
};
// help_types holds a JSON array of HELP_TYPES (written only by sign-up, from the validated list).
const shape = <R extends { helpTypes: string }>(r: R) => ({ ...r, helpTypes: JSON.parse(r.helpTypes) as HelpType[] });

export const VOLUNTEER_PAGE_SIZE = 50;

/** Volunteers for the console, pending first, then newest. */
export async function listVolunteers(db: Db, filter: VolunteerFilter, pageSize = VOLUNTEER_PAGE_SIZE) {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(volunteers.status, filter.status));
  if (filter.lostLink) conditions.push(and(sql`${repeatsCount} > 0`, isNull(volunteers.erasedAt))!);
  if (filter.q) conditions.push(or(like(volunteers.name, `%${filter.q.replace(/[%_]/g, '')}%`), eq(volunteers.mobile, filter.q))!);
  const where = conditions.length ? and(...conditions) : undefined;
  const list = await paged(
    db
      .select(columns)
      .from(volunteers)
      .where(where)
      .orderBy(sql`${volunteers.status} = 'pending' DESC`, desc(volunteers.createdAt))
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize),
    db.select({ n: count() }).from(volunteers).where(where),
    filter.page,
    pageSize,
  );
  return { volunteers: list.items.map(shape), total: list.total, page: list.page, pages: list.pages };
}

export async function getVolunteer(db: Db, id: number): Promise<ConsoleVolunteer | null> {
  const row = await db.select(columns).from(volunteers).where(eq(volunteers.id, id)).get();
  return row ? shape(row) : null;
}

export type VolunteerChange = { ok: true } | ReturnType<typeof volunteerFailure>;

async function settle(write: () => Promise<unknown>): Promise<VolunteerChange> {
  try {
    await write();
    return { ok: true };
  } catch (err) {
    if (lostRace(err)) return volunteerFailure('conflict');
    throw err;
  }
}

/** Whether a sign-up waits for a coordinator's decision (approve or reject). */
export const awaitsDecision = (volunteer: { status: VolunteerStatus; erasedAt: Date | null }) => volunteer.status === 'pending' && !volunteer.erasedAt;

/** Approves or rejects a pending sign-up; a rejection's reason is shown to the volunteer. */
export async function decideVolunteer(db: Db, id: number, decision: 'approved' | 'rejected', reason: string | null, actorId: number, now = new Date()) {
  return settle(() =>
    db.batch([
      db
        .update(volunteers)
        .set({ status: decision, rejectReason: decision === 'rejected' ? reason : null, decidedAt: now, decidedBy: actorId })
        .where(and(eq(volunteers.id, id), eq(volunteers.status, 'pending'), isNull(volunteers.erasedAt))),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: decision === 'approved' ? 'volunteer.approve' : 'volunteer.reject', subjectKind: 'volunteer', subjectId: id, detail: { status: { from: 'pending', to: decision } }, at: now }),
    ]),
  );
}

/** A fresh private link for a volunteer who lost theirs; the old one stops working. The token is returned once. */
export async function issueNewLink(db: Db, id: number, actorId: number, now = new Date()): Promise<VolunteerChange & { token?: string }> {
  const token = newToken();
  const result = await settle(async () =>
    db.batch([
      db.update(volunteers).set({ accessTokenHash: await hashToken(token) }).where(and(eq(volunteers.id, id), isNull(volunteers.erasedAt))),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'volunteer.new_link', subjectKind: 'volunteer', subjectId: id, at: now }),
      // Repeat sign-ups were someone (perhaps the owner) trying to get back in: settled now.
      db.delete(signupRepeats).where(eq(signupRepeats.volunteerId, id)),
    ]),
  );
  return result.ok ? { ok: true, token } : result;
}

const erasedValues = (now: Date) => ({ name: null, mobile: null, email: null, town: null, note: '', availability: '', accessTokenHash: null, erasedAt: now });

/** Deletes a volunteer's personal data; their claims stay, anonymised, so the campaign's history adds up. */
export async function eraseVolunteer(db: Db, id: number, actorId: number, now = new Date()) {
  return settle(() =>
    db.batch([
      db.update(volunteers).set(erasedValues(now)).where(and(eq(volunteers.id, id), isNull(volunteers.erasedAt))),
      guardedAudit(db, { actorKind: 'coordinator', actorId, action: 'volunteer.erase', subjectKind: 'volunteer', subjectId: id, at: now }),
      db.delete(signupRepeats).where(eq(signupRepeats.volunteerId, id)),
      // Their pairings end with them; the records keep the counts (PRODUCT.md, retention).
      ...endPairingsOf(db, id, now, { kind: 'coordinator', id: actorId }),
    ]),
  );
}

/** A volunteer (the outer `volunteers` row) with a pairing that is proposed, active or suspended. */
const inPairing = sql`EXISTS (SELECT 1 FROM pairings p WHERE p.volunteer_id = "volunteers"."id" AND p.status IN ('proposed', 'active', 'suspended'))`;

/** The retention job: anonymises volunteers inactive for longer than the privacy notice promises. */
export async function eraseInactiveVolunteers(db: Db, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * 24 * 60 * 60 * 1000);
  await db.batch([
    // A volunteer in a running pairing is not inactive, whoever logs the contacts: they are left alone.
    // The others' open offers are withdrawn first; the audit row below counts the volunteers erased next.
    ...endPairingsOf(db, sql`(SELECT id FROM volunteers WHERE erased_at IS NULL AND last_active_at < ${cutoff.getTime()} AND NOT ${inPairing})`, now, { kind: 'system', id: null }),
    db.update(volunteers).set(erasedValues(now)).where(and(isNull(volunteers.erasedAt), lt(volunteers.lastActiveAt, cutoff), sql`NOT ${inPairing}`)),
    insertSelect(
      db,
      auditLog,
      {
        at: now,
        actorKind: 'system',
        actorId: null,
        action: 'volunteer.retention_erase',
        subjectKind: 'volunteer',
        subjectId: null,
        detail: sql`json_object('count', changes(), 'retentionDays', ${RETENTION_DAYS})`,
      },
      sql`WHERE changes() > 0`,
    ),
  ]);
}
