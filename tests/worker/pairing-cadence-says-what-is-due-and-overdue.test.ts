import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '#worker/platform/db/client.ts';
import { addMonths } from '#worker/platform/time.ts';
import {
  createPairingChild,
  defaultPlan,
  dueToday,
  listConsolePairings,
  logContact,
  movePairing,
  offerPairing,
  pairingQueueCounts,
  planFor,
  proposePairing,
  recordSafeguards,
  termsFor,
  volunteerPairings,
} from '#worker/pairings/index.ts';
import { createCoordinator, createSchool, createVolunteer, type TestCoordinator } from '../support/factories';

const TERMS = termsFor('[]', '2026-11-24');
const due = (activatedOn: string, last: Record<string, string>, today: string, kind: 'proxy_parent' | 'mentor' = 'proxy_parent') =>
  Object.fromEntries(dueToday(defaultPlan(kind), activatedOn, last, TERMS, today).map((d) => [d.kind, d]));

describe('what is due in a pairing (PRODUCT.md’s defaults)', () => {
  it('a monthly talk and family call fall due a month after the last one, or after the start', () => {
    expect(due('2026-10-01', {}, '2026-11-05').talk).toMatchObject({ dueBy: '2026-11-01', overdue: true });
    expect(due('2026-10-01', { talk: '2026-10-20' }, '2026-11-05').talk).toMatchObject({ lastOn: '2026-10-20', dueBy: '2026-11-20', overdue: false });
    expect(due('2026-10-01', {}, '2026-11-01').family_call).toMatchObject({ overdue: false });
  });

  it('a home visit each term: due by the term’s end, overdue once a term in which the pairing was active passed without one', () => {
    // Active all spring, no visit: overdue in autumn until one is made.
    expect(due('2026-03-01', {}, '2026-09-15').home_visit).toMatchObject({ dueBy: '2027-01-31', overdue: true });
    expect(due('2026-03-01', { home_visit: '2026-09-10' }, '2026-09-15').home_visit).toMatchObject({ dueBy: null, overdue: false });
    // Started in the last days of spring: that term is not held against it.
    expect(due('2026-08-20', {}, '2026-09-15').home_visit).toMatchObject({ overdue: false });
    // A visit in the spring term counts for spring, not for autumn.
    expect(due('2026-03-01', { home_visit: '2026-05-10' }, '2026-09-15').home_visit).toMatchObject({ dueBy: '2027-01-31', overdue: false });
  });

  it('送温暖 once a year; a 代理家长’s activity each term, a mentor’s not at all', () => {
    expect(due('2025-11-01', {}, '2026-11-24').warmth).toMatchObject({ dueBy: '2026-11-01', overdue: true });
    expect(due('2026-10-01', {}, '2026-11-24', 'proxy_parent').activity).toMatchObject({ cadence: 'termly' });
    expect(due('2026-10-01', {}, '2026-11-24', 'mentor').activity).toBeUndefined();
  });

  it('a school’s own plan and terms replace the defaults; anything unreadable is ignored', () => {
    expect(planFor('mentor', '{"talk":"weekly","warmth":"never","x":"monthly"}')).toMatchObject({ talk: 'weekly', warmth: 'yearly', family_call: 'monthly' });
    expect(planFor('mentor', 'not json')).toEqual(defaultPlan('mentor'));
    const terms = termsFor('[{"name":"秋季","startsOn":"2026-09-01","endsOn":"2027-01-20"},{"name":"坏的","startsOn":"2027-05-01","endsOn":"2027-02-01"}]', '2026-11-24');
    expect(terms.map((t) => t.name)).toEqual(['秋季']);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});

describe('the console’s queues and the volunteer’s view', () => {
  const db = getDb(env.DB);
  const now = new Date('2026-11-24T04:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  let coordinator: TestCoordinator;
  let seq = 0;

  async function activePairing(activatedDaysAgo: number) {
    const volunteer = await createVolunteer({ helpTypes: ['pairing'] });
    const ref = `QS-${String(++seq).padStart(4, '0')}`;
    const made = await createPairingChild(db, { registerRef: ref, alias: '朵朵', gradeBand: 'upper_primary' }, coordinator.id);
    const childId = (made as { childId: number }).childId;
    const id = ((await offerPairing(db, volunteer.id, { kind: 'mentor', preferredGradeBand: null, frequency: 'monthly', agreeConduct: true })) as { pairingId: number }).pairingId;
    await proposePairing(db, id, childId, coordinator.id);
    await recordSafeguards(db, id, { consentOn: '2026-09-01', consentMethod: 'phone', recordCheckedOn: '2026-09-02' }, coordinator.id);
    await movePairing(db, id, 'activate', { kind: 'coordinator', id: coordinator.id }, { now: daysAgo(activatedDaysAgo) });
    return { id, volunteer, ref };
  }

  beforeAll(async () => {
    await createSchool();
    coordinator = await createCoordinator();
  });

  it('lists as overdue a pairing with no talk for over a month, not one whose volunteer keeps coming, and counts calls asked for', async () => {
    const quiet = await activePairing(45);
    const kept = await activePairing(45);
    for (const kind of ['talk', 'family_call'] as const) {
      expect((await logContact(db, { kind: 'volunteer', id: kept.volunteer.id }, kept.id, { on: '2026-11-20', kind, minutes: 30, escort: null, callMe: kind === 'talk' }, now)).ok).toBe(true);
    }
    const overdue = await listConsolePairings(db, { overdue: true }, now);
    expect(overdue.map((p) => p.id)).toContain(quiet.id);
    expect(overdue.map((p) => p.id)).not.toContain(kept.id);
    expect(overdue.find((p) => p.id === quiet.id)!.due.filter((d) => d.overdue).map((d) => d.kind).sort()).toEqual(['family_call', 'talk']);
    expect((await listConsolePairings(db, { flagged: true }, now)).map((p) => p.id)).toEqual([kept.id]);
    const counts = await pairingQueueCounts(db, now);
    expect(counts.callRequests).toBe(1);
    expect(counts.overdue).toBe(overdue.length);
  });

  it('a volunteer sees their own pairing’s child by alias and grade band, what is due, and their log; never the register reference', async () => {
    const { id, volunteer, ref } = await activePairing(10);
    await logContact(db, { kind: 'volunteer', id: volunteer.id }, id, { on: '2026-11-22', kind: 'talk', minutes: 40, escort: null, callMe: false }, now);
    const [mine] = await volunteerPairings(db, volunteer.id, now);
    expect(mine).toMatchObject({ id, status: 'active', childAlias: '朵朵', childGradeBand: 'upper_primary' });
    expect(mine!.due.find((d) => d.kind === 'talk')).toMatchObject({ lastOn: '2026-11-22', dueBy: '2026-12-22', overdue: false });
    expect(mine!.contacts.map((c) => c.kind)).toEqual(['talk']);
    expect(JSON.stringify(mine)).not.toContain(ref);
    expect(await volunteerPairings(db, (await createVolunteer()).id, now)).toEqual([]);
  });

  it('a volunteer learns the child’s alias only once the pairing has started, and not after it ended', async () => {
    const volunteer = await createVolunteer({ helpTypes: ['pairing'] });
    const made = (await createPairingChild(db, { registerRef: `QS-${String(++seq).padStart(4, '0')}`, alias: '苗苗', gradeBand: 'lower_primary' }, coordinator.id)) as { childId: number };
    const id = ((await offerPairing(db, volunteer.id, { kind: 'mentor', preferredGradeBand: null, frequency: 'monthly', agreeConduct: true })) as { pairingId: number }).pairingId;
    await proposePairing(db, id, made.childId, coordinator.id);
    const alias = async () => (await volunteerPairings(db, volunteer.id, now))[0]!.childAlias;
    expect(await alias()).toBeNull();
    await recordSafeguards(db, id, { consentOn: '2026-11-01', consentMethod: 'phone', recordCheckedOn: '2026-11-02' }, coordinator.id);
    await movePairing(db, id, 'activate', { kind: 'coordinator', id: coordinator.id });
    expect(await alias()).toBe('苗苗');
    await movePairing(db, id, 'end', { kind: 'coordinator', id: coordinator.id }, { reason: 'safeguarding_concern' });
    expect(await alias()).toBeNull();
  });
});
