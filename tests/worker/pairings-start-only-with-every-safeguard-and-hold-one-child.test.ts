import { env } from 'cloudflare:workers';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeAudit } from '#worker/audit/index.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { eraseInactiveVolunteers, eraseVolunteer } from '#worker/volunteers/index.ts';
import {
  anonymiseOldPairingChildren,
  ContactSchema,
  PairingChildSchema,
  PAIRING_RETENTION_DAYS,
  createPairingChild,
  correctContact,
  handleCallRequest,
  logContact,
  movePairing,
  offerPairing,
  proposePairing,
  recordSafeguards,
  type PairingOffer,
} from '#worker/pairings/index.ts';
import { countRows } from '../support/api-client';
import { createCoordinator, createSchool, createVolunteer, type TestCoordinator } from '../support/factories';

const db = getDb(env.DB);
const OFFER: PairingOffer = { kind: 'proxy_parent', preferredGradeBand: null, frequency: 'monthly', agreeConduct: true };
const SAFEGUARDS = { consentOn: '2026-11-10', consentMethod: 'paper', recordCheckedOn: '2026-11-12' } as const;
let coordinator: TestCoordinator;
let refs = 0;

beforeAll(async () => {
  await createSchool();
  coordinator = await createCoordinator();
});

const pairingVolunteer = (status: 'approved' | 'pending' = 'approved') => createVolunteer({ status, helpTypes: ['wish_cards', 'pairing'] });
async function child(): Promise<number> {
  const made = await createPairingChild(db, { registerRef: `2026-${String(++refs).padStart(3, '0')}`, alias: '小雨', gradeBand: 'middle_primary' }, coordinator.id);
  if (!made.ok) throw new Error(made.message);
  return made.childId;
}
/** An offer matched to a child with its safeguards on record, ready to start. */
async function readyPairing(volunteerId?: number, childId?: number, kind: PairingOffer['kind'] = 'proxy_parent'): Promise<number> {
  const offered = await offerPairing(db, volunteerId ?? (await pairingVolunteer()).id, { ...OFFER, kind });
  if (!offered.ok) throw new Error(offered.message);
  await proposePairing(db, offered.pairingId, childId ?? (await child()), coordinator.id);
  await recordSafeguards(db, offered.pairingId, SAFEGUARDS, coordinator.id);
  return offered.pairingId;
}
const me = { kind: 'coordinator' as const, id: 0 };
const asCoordinator = () => ({ ...me, id: coordinator.id });
const status = async (id: number) => (await env.DB.prepare('SELECT status FROM pairings WHERE id = ?').bind(id).first<{ status: string }>())!.status;

describe('a pairing’s life', () => {
  it('goes offered → proposed → active → suspended → active → ended, each step with its audit row', async () => {
    const volunteer = await pairingVolunteer();
    const offered = await offerPairing(db, volunteer.id, OFFER);
    expect(offered.ok).toBe(true);
    const id = (offered as { pairingId: number }).pairingId;
    expect(await status(id)).toBe('offered');
    expect((await proposePairing(db, id, await child(), coordinator.id)).ok).toBe(true);
    expect(await status(id)).toBe('proposed');
    expect((await recordSafeguards(db, id, SAFEGUARDS, coordinator.id)).ok).toBe(true);
    for (const [step, after] of [['activate', 'active'], ['suspend', 'suspended'], ['resume', 'active']] as const) {
      expect((await movePairing(db, id, step, asCoordinator())).ok, step).toBe(true);
      expect(await status(id)).toBe(after);
    }
    expect((await movePairing(db, id, 'end', asCoordinator(), { reason: 'volunteer_moved' })).ok).toBe(true);
    expect(await env.DB.prepare('SELECT status, end_reason FROM pairings WHERE id = ?').bind(id).first()).toEqual({ status: 'ended', end_reason: 'volunteer_moved' });
    const { results } = await env.DB.prepare("SELECT action FROM audit_log WHERE subject_kind = 'pairing' AND subject_id = ? ORDER BY id").bind(id).all<{ action: string }>();
    expect(results.map((r) => r.action)).toEqual(['pairing.offer', 'pairing.propose', 'pairing.safeguards', 'pairing.activate', 'pairing.suspend', 'pairing.resume', 'pairing.end']);
    // The trail reads each step as words, no codes.
    const rows = (await env.DB.prepare("SELECT actor_kind, actor_id, subject_kind, subject_id, detail FROM audit_log WHERE subject_kind = 'pairing' AND subject_id = ? ORDER BY id").bind(id).all<{ actor_kind: string; actor_id: number | null; subject_kind: 'pairing'; subject_id: number | null; detail: string }>()).results;
    const changes = rows.map((r) => describeAudit({ actorKind: r.actor_kind, actorId: r.actor_id, actor: null, subjectKind: r.subject_kind, subjectId: r.subject_id, detail: r.detail }).change);
    expect(changes[0]).toBe('代理家长，每月');
    expect(changes.at(-1)).toBe('状态从“进行中”变为“已结束”；原因：志愿者搬走了');
    for (const change of changes) expect(change).not.toMatch(/[a-z]_[a-z]|proxy|active|ended/);
  });

  it('does not start before the guardian’s consent and the record check are on record, and says which is missing', async () => {
    const offered = await offerPairing(db, (await pairingVolunteer()).id, OFFER);
    const id = (offered as { pairingId: number }).pairingId;
    await proposePairing(db, id, await child(), coordinator.id);
    const refused = await movePairing(db, id, 'activate', asCoordinator());
    expect(refused).toMatchObject({ ok: false, code: 'safeguards_missing', status: 409 });
    expect(Object.keys((refused as { fields: object }).fields).sort()).toEqual(['consentOn', 'recordCheckedOn']);
    expect(await status(id)).toBe('proposed');
    // Nor can anything write an active pairing without them: the database refuses it.
    await expect(env.DB.prepare("UPDATE pairings SET status = 'active', activated_at = 1 WHERE id = ?").bind(id).run()).rejects.toThrow(/pairings_safeguards_before_active/);
  });

  it('does not start for a volunteer who is no longer approved', async () => {
    const volunteer = await pairingVolunteer();
    const id = await readyPairing(volunteer.id);
    await env.DB.prepare("UPDATE volunteers SET status = 'rejected' WHERE id = ?").bind(volunteer.id).run();
    expect(await movePairing(db, id, 'activate', asCoordinator())).toMatchObject({ ok: false, code: 'volunteer_not_vetted', status: 409 });
    expect(await status(id)).toBe('proposed');
  });
});

describe('offers', () => {
  it('come only from approved volunteers who chose pairing', async () => {
    expect(await offerPairing(db, (await pairingVolunteer('pending')).id, OFFER)).toMatchObject({ ok: false, reason: 'volunteer_not_approved', status: 403 });
    const cardsOnly = await createVolunteer({ helpTypes: ['wish_cards'] });
    expect(await offerPairing(db, cardsOnly.id, OFFER)).toMatchObject({ ok: false, reason: 'not_offering_pairing', status: 403 });
  });

  it('are one per volunteer and kind, however many taps arrive at once', async () => {
    const volunteer = await pairingVolunteer();
    const results = await Promise.all(Array.from({ length: 10 }, () => offerPairing(db, volunteer.id, OFFER)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual(Array(9).fill('offer_exists'));
    expect(await countRows("SELECT count(*) AS n FROM pairings WHERE volunteer_id = ?", volunteer.id)).toBe(1);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'pairing.offer' AND actor_id = ?", volunteer.id)).toBe(1);
    // The other kind is a separate offer.
    expect((await offerPairing(db, volunteer.id, { ...OFFER, kind: 'mentor' })).ok).toBe(true);
  });

  it('a volunteer may withdraw their own offer, and nothing else: the rest is the school’s', async () => {
    const volunteer = await pairingVolunteer();
    const other = await pairingVolunteer();
    const id = (await offerPairing(db, volunteer.id, OFFER) as { pairingId: number }).pairingId;
    expect(await movePairing(db, id, 'withdraw', { kind: 'volunteer', id: other.id })).toMatchObject({ ok: false, code: 'pairing_not_found', status: 404 });
    expect(await movePairing(db, id, 'activate', { kind: 'volunteer', id: volunteer.id })).toMatchObject({ ok: false, code: 'pairing_not_found' });
    expect((await movePairing(db, id, 'withdraw', { kind: 'volunteer', id: volunteer.id })).ok).toBe(true);
    expect(await status(id)).toBe('withdrawn');
  });
});

describe('the database settles who holds a child', () => {
  it('of two pairings of one kind started at once for one child, exactly one becomes active', async () => {
    const childId = await child();
    const [a, b] = await Promise.all([readyPairing(undefined, childId), readyPairing(undefined, childId)]);
    const results = await Promise.all([movePairing(db, a, 'activate', asCoordinator()), movePairing(db, b, 'activate', asCoordinator())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'child_paired', status: 409 });
    expect(await countRows("SELECT count(*) AS n FROM pairings WHERE child_id = ? AND status = 'active'", childId)).toBe(1);
    // A pairing of the other kind for the same child is allowed.
    const mentor = await readyPairing(undefined, childId, 'mentor');
    expect((await movePairing(db, mentor, 'activate', asCoordinator())).ok).toBe(true);
  });

  it('holds a volunteer to the school’s cap on active pairings (2 unless changed), even when the activations arrive at once', async () => {
    const volunteer = await pairingVolunteer();
    const ids: number[] = [];
    for (const kind of ['proxy_parent', 'mentor'] as const) ids.push(await readyPairing(volunteer.id, undefined, kind));
    // A third: the first offer is active by then, so the volunteer may offer the same kind again.
    await movePairing(db, ids[0]!, 'activate', asCoordinator());
    ids.push(await readyPairing(volunteer.id));
    const results = await Promise.all(ids.slice(1).map((id) => movePairing(db, id, 'activate', asCoordinator())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'volunteer_cap' });
    expect(await countRows("SELECT count(*) AS n FROM pairings WHERE volunteer_id = ? AND status = 'active'", volunteer.id)).toBe(2);
  });
});

describe('a child in a pairing', () => {
  it('is a code and a short 小名: words about a child or a family do not fit in either field', () => {
    const child = (registerRef: string, alias: string) => v.safeParse(PairingChildSchema, { registerRef, alias, gradeBand: 'middle_primary' });
    for (const ref of ['2024-031 父母离异 奶奶照顾 低保户', '1 抑郁 自残', '2024031 父亲电话', '三年级2班', '没有编号']) expect(child(ref, '小雨').success, ref).toBe(false);
    for (const alias of ['爸妈在深圳', '小雨，10岁', '小 雨']) expect(child('2024-031', alias).success, alias).toBe(false);
    expect(child('QS-2026-031', '小雨').success).toBe(true);
  });

  it('is kept only when neither the alias nor the register reference identifies them, and a refusal writes nothing', async () => {
    const before = await countRows('SELECT count(*) AS n FROM pairing_children');
    const cases = [
      [{ registerRef: '2026-900', alias: '张晓雨' }, 'alias'],
      [{ registerRef: '三（2）班-05', alias: '小雨' }, 'registerRef'],
      [{ registerRef: 'G420102201503120011', alias: '小雨' }, 'registerRef'],
      [{ registerRef: '13812345678', alias: '小雨' }, 'registerRef'],
    ] as const;
    for (const [input, field] of cases) {
      const refused = await createPairingChild(db, { ...input, gradeBand: 'lower_primary' }, coordinator.id);
      expect(refused, input.registerRef).toMatchObject({ ok: false, code: 'child_words', status: 422 });
      expect(Object.keys((refused as { fields: object }).fields), input.registerRef).toEqual([field]);
    }
    expect(await countRows('SELECT count(*) AS n FROM pairing_children')).toBe(before);
    // A register number of the school's own shape is fine; the same one twice is refused.
    expect((await createPairingChild(db, { registerRef: '2024-031', alias: '乐乐', gradeBand: 'lower_primary' }, coordinator.id)).ok).toBe(true);
    expect(await createPairingChild(db, { registerRef: '2024-031', alias: '豆豆', gradeBand: 'lower_primary' }, coordinator.id)).toMatchObject({ ok: false, code: 'child_exists' });
  });
});

describe('the contact log', () => {
  const contact = (fields: Record<string, unknown> = {}) => v.parse(ContactSchema, { on: '2026-11-20', kind: 'talk', minutes: '30', ...fields });
  const now = new Date('2026-11-24T04:00:00Z');

  it('takes a volunteer’s entries on their active pairing only, and never a future day', async () => {
    const volunteer = await pairingVolunteer();
    const id = await readyPairing(volunteer.id);
    const mine = { kind: 'volunteer' as const, id: volunteer.id };
    expect(await logContact(db, mine, id, contact(), now)).toMatchObject({ ok: false, code: 'pairing_not_active' });
    await movePairing(db, id, 'activate', asCoordinator(), { now: new Date('2026-11-13T02:00:00Z') });
    const logged = await logContact(db, mine, id, contact(), now);
    expect(logged.ok).toBe(true);
    expect(await logContact(db, { kind: 'volunteer', id: (await pairingVolunteer()).id }, id, contact(), now)).toMatchObject({ ok: false, code: 'pairing_not_found' });
    expect(await logContact(db, mine, id, contact({ on: '2026-11-25' }), now)).toMatchObject({ ok: false, code: 'contact_date', fields: { on: expect.any(String) } });
    expect(await logContact(db, mine, id, contact({ on: '2026-11-12' }), now)).toMatchObject({ ok: false, code: 'contact_date' });
    // The school may fill in an old entry the volunteer forgot; the volunteer only 120 days back.
    const longAgo = new Date('2027-04-20T04:00:00Z');
    expect(await logContact(db, mine, id, contact({ on: '2026-11-20' }), longAgo)).toMatchObject({ ok: false, code: 'contact_date' });
    expect((await logContact(db, asCoordinator(), id, contact({ on: '2026-11-21' }), longAgo)).ok).toBe(true);
    // Suspended: the volunteer's entries stop; the school may still fill one in.
    await movePairing(db, id, 'suspend', asCoordinator());
    expect(await logContact(db, mine, id, contact(), now)).toMatchObject({ ok: false, code: 'pairing_not_active' });
    expect((await logContact(db, asCoordinator(), id, contact({ kind: 'family_call' }), now)).ok).toBe(true);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'contact.log' AND subject_id IN (SELECT id FROM pairing_contacts WHERE pairing_id = ?)", id)).toBe(3);
    // Nothing after the pairing ended.
    await movePairing(db, id, 'end', asCoordinator(), { reason: 'term_over', now: new Date('2026-11-23T04:00:00Z') });
    expect(await logContact(db, asCoordinator(), id, contact({ on: '2026-11-24' }), now)).toMatchObject({ ok: false, code: 'contact_date' });
  });

  it('a home visit names who went along, by role; other contacts name no one; there is no place for words about the child', async () => {
    expect(v.safeParse(ContactSchema, { on: '2026-11-20', kind: 'home_visit', minutes: 60 }).issues?.[0]?.path?.[0]?.key).toBe('escort');
    expect(contact({ kind: 'home_visit', escort: 'teacher' }).escort).toBe('teacher');
    expect(v.safeParse(ContactSchema, { on: '2026-11-20', kind: 'talk', minutes: 30, escort: 'teacher' }).success).toBe(false);
    expect(contact({ note: '孩子最近情绪不好，家住柳树村' })).not.toHaveProperty('note');
    await expect(env.DB.prepare("INSERT INTO pairing_contacts (pairing_id, \"on\", kind, minutes, recorded_by_kind) VALUES (1, '2026-11-20', 'home_visit', 60, 'volunteer')").run()).rejects.toThrow(/pairing_contacts_home_visit_escorted/);
  });

  it('“请学校联系我” waits until a coordinator has called back, once; a correction is audited with what changed', async () => {
    const volunteer = await pairingVolunteer();
    const id = await readyPairing(volunteer.id);
    await movePairing(db, id, 'activate', asCoordinator(), { now: new Date('2026-11-13T02:00:00Z') });
    const logged = (await logContact(db, { kind: 'volunteer', id: volunteer.id }, id, contact({ callMe: 'on' }), now)) as { contactId: number };
    expect((await handleCallRequest(db, coordinator.id, logged.contactId)).ok).toBe(true);
    expect(await handleCallRequest(db, coordinator.id, logged.contactId)).toMatchObject({ ok: false, code: 'contact_not_found' });
    expect((await correctContact(db, coordinator.id, logged.contactId, contact({ minutes: '45', on: '2026-11-21' }), now)).ok).toBe(true);
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'contact.correct' AND subject_id = ?").bind(logged.contactId).first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toEqual({ changed: { on: { from: '2026-11-20', to: '2026-11-21' }, minutes: { from: 30, to: 45 } } });
  });
});

describe('erasure and retention', () => {
  it('erasing a volunteer ends their pairings (an offer is withdrawn) in the same batch, and the records keep their counts', async () => {
    const volunteer = await pairingVolunteer();
    const active = await readyPairing(volunteer.id);
    await movePairing(db, active, 'activate', asCoordinator(), { now: new Date('2026-11-13T02:00:00Z') });
    await logContact(db, { kind: 'volunteer', id: volunteer.id }, active, v.parse(ContactSchema, { on: '2026-11-20', kind: 'talk', minutes: 30 }), new Date('2026-11-24T04:00:00Z'));
    const offer = (await offerPairing(db, volunteer.id, { ...OFFER, kind: 'mentor' })) as { pairingId: number };
    expect((await eraseVolunteer(db, volunteer.id, coordinator.id)).ok).toBe(true);
    expect(await env.DB.prepare('SELECT status, end_reason FROM pairings WHERE id = ?').bind(active).first()).toEqual({ status: 'ended', end_reason: 'volunteer_erased' });
    expect(await status(offer.pairingId)).toBe('withdrawn');
    expect(await countRows('SELECT count(*) AS n FROM pairing_contacts WHERE pairing_id = ?', active)).toBe(1);
    // Each ended pairing has its own audit row, by the coordinator who erased.
    const rows = (await env.DB.prepare("SELECT action, subject_id, actor_id, detail FROM audit_log WHERE subject_kind = 'pairing' AND subject_id IN (?, ?) AND action IN ('pairing.end', 'pairing.withdraw') ORDER BY subject_id").bind(active, offer.pairingId).all<{ action: string; subject_id: number; actor_id: number; detail: string }>()).results;
    expect(rows.map((r) => [r.action, r.subject_id, r.actor_id, JSON.parse(r.detail)])).toEqual([
      ['pairing.end', active, coordinator.id, { status: { from: 'active', to: 'ended' }, reason: 'volunteer_erased' }],
      ['pairing.withdraw', offer.pairingId, coordinator.id, { status: { from: 'offered', to: 'withdrawn' } }],
    ]);
  });

  it('the retention job leaves alone a volunteer whose pairing runs, however long since they last opened their page', async () => {
    const volunteer = await pairingVolunteer();
    const id = await readyPairing(volunteer.id);
    await movePairing(db, id, 'activate', asCoordinator());
    await env.DB.prepare('UPDATE volunteers SET last_active_at = 0 WHERE id = ?').bind(volunteer.id).run();
    await eraseInactiveVolunteers(db);
    expect(await env.DB.prepare('SELECT erased_at FROM volunteers WHERE id = ?').bind(volunteer.id).first()).toEqual({ erased_at: null });
    expect(await status(id)).toBe('active');
  });

  it('the retention job empties the child’s register reference and alias three years after their last pairing ended, not before', async () => {
    const old = await readyPairing();
    const recent = await readyPairing();
    for (const id of [old, recent]) await movePairing(db, id, 'end', asCoordinator(), { reason: 'term_over' });
    const now = new Date();
    await env.DB.prepare('UPDATE pairings SET ended_at = ? WHERE id = ?').bind(now.getTime() - (PAIRING_RETENTION_DAYS + 1) * 86_400_000, old).run();
    await env.DB.prepare('UPDATE pairing_children SET created_at = ? WHERE id IN (SELECT child_id FROM pairings WHERE id IN (?, ?))').bind(now.getTime() - 2000 * 86_400_000, old, recent).run();
    await anonymiseOldPairingChildren(db, now);
    const child = (id: number) => env.DB.prepare('SELECT register_ref, alias, anonymised_at IS NOT NULL AS gone FROM pairing_children WHERE id = (SELECT child_id FROM pairings WHERE id = ?)').bind(id).first();
    expect(await child(old)).toEqual({ register_ref: null, alias: '已匿名', gone: 1 });
    expect(await child(recent)).toMatchObject({ gone: 0 });
  });
});

