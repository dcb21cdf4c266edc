import { read, type CellObject } from '@e965/xlsx';
import Papa from 'papaparse';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '#worker/platform/db/client.ts';
import * as v from 'valibot';
import { exportTermRecord, logContact, PairingSettingsSchema, TermQuerySchema, pairingSettings, plannedInTerm, planFor, savePairingSettings, termRecord, termsFor } from '#worker/pairings/index.ts';
import { cellText } from '#worker/platform/xlsx.ts';
import { activePairingWithContact, createCoordinator } from '../support/factories';

const db = getDb(env.DB);
const AUTUMN = { name: '2026 年秋季学期', startsOn: '2026-09-01', endsOn: '2027-01-31' };
const SPRING = { name: '2026 年春季学期', startsOn: '2026-02-01', endsOn: '2026-08-31' };

describe('how many contacts a term asks for', () => {
  it('counts the same due dates the volunteer’s page shows: each month from the start, every 7 or 14 days, each year; a term’s visit after 30 active days', () => {
    expect(plannedInTerm('monthly', '2026-09-01', '2026-09-01', '2027-01-31')).toBe(4);
    expect(plannedInTerm('monthly', '2026-10-15', '2026-10-15', '2027-01-31')).toBe(3);
    expect(plannedInTerm('weekly', '2026-09-01', '2026-09-01', '2026-09-20')).toBe(2);
    expect(plannedInTerm('fortnightly', '2026-09-01', '2026-09-01', '2026-09-20')).toBe(1);
    expect(plannedInTerm('termly', '2026-09-01', '2026-09-01', '2026-09-29')).toBe(0);
    expect(plannedInTerm('termly', '2026-09-01', '2026-09-01', '2026-09-30')).toBe(1);
    expect(plannedInTerm('yearly', '2025-11-01', '2026-09-01', '2027-01-31')).toBe(1);
    expect(plannedInTerm('yearly', '2026-09-01', '2026-09-01', '2027-01-31')).toBe(0);
    expect(plannedInTerm('none', '2026-09-01', '2026-09-01', '2027-01-31')).toBe(0);
    expect(termsFor('[]', '2026-11-24').find((t) => t.startsOn === '2026-09-01')).toEqual(AUTUMN);
  });
});

describe('the term record', () => {
  let pairing: Awaited<ReturnType<typeof activePairingWithContact>>;
  const now = new Date('2026-12-01T04:00:00Z');

  beforeAll(async () => {
    pairing = await activePairingWithContact();
    // Active since the term began (91 days to 2026-12-01); three talks and a family call this term, one talk last term.
    await env.DB.prepare('UPDATE pairings SET activated_at = ? WHERE id = ?').bind(Date.parse('2026-08-31T16:00:00Z'), pairing.pairingId).run();
    await env.DB.prepare('DELETE FROM pairing_contacts WHERE pairing_id = ?').bind(pairing.pairingId).run();
    const by = { kind: 'coordinator' as const, id: (await createCoordinator()).id };
    for (const [on, kind] of [['2026-09-20', 'talk'], ['2026-10-18', 'talk'], ['2026-11-22', 'talk'], ['2026-10-05', 'family_call']] as const) {
      expect((await logContact(db, by, pairing.pairingId, { on, kind, minutes: 30, escort: null, callMe: false }, now)).ok).toBe(true);
    }
  });

  it('lists each pairing active in the term with planned and done by kind, and totals', async () => {
    const record = await termRecord(db, AUTUMN, now);
    const row = record.rows.find((r) => r.pairingId === pairing.pairingId)!;
    expect(row.activeDays).toBe(92);
    expect(row.childRef).toBe(pairing.registerRef);
    expect(row.byKind.talk).toMatchObject({ cadence: 'monthly', planned: 3, done: 3, minutes: 90 });
    expect(row.byKind.family_call).toMatchObject({ planned: 3, done: 1 });
    expect(row.byKind.home_visit).toMatchObject({ cadence: 'termly', planned: 1, done: 0 });
    // 送温暖 falls due a year after the start (2027-09-01), as the volunteer's page says: not this term.
    expect(row.byKind.warmth).toMatchObject({ cadence: 'yearly', planned: 0, done: 0 });
    expect(record.totals.talk.done).toBeGreaterThanOrEqual(3);
    // A term before the pairing began has no row for it.
    expect((await termRecord(db, SPRING, now)).rows.map((r) => r.pairingId)).not.toContain(pairing.pairingId);
  });

  it('downloads as CSV with a BOM for Excel and WPS, a totals line, and an audit row', async () => {
    const coordinator = await createCoordinator();
    const { filename, body } = await exportTermRecord(db, AUTUMN, coordinator.id, 'csv', now);
    expect(filename).toBe('结对台账-2026 年秋季学期.csv');
    expect(body.startsWith('\uFEFF结对台账：2026 年秋季学期')).toBe(true);
    expect(body).toContain('在学校谈心（要求）');
    expect(body.trimEnd().split('\r\n').at(-1)).toMatch(/^合计,/);
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'export' AND actor_id = ?").bind(coordinator.id).first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({ what: 'pairing-record', term: '2026 年秋季学期' });
  });

  it('downloads as .xlsx too: the CSV’s rows, the register number a text cell, days and counts number cells', async () => {
    const coordinator = await createCoordinator();
    const csv = await exportTermRecord(db, AUTUMN, coordinator.id, 'csv', now);
    const xlsx = await exportTermRecord(db, AUTUMN, coordinator.id, 'xlsx', now);
    expect(xlsx.filename).toBe('结对台账-2026 年秋季学期.xlsx');
    const workbook = read(xlsx.body, { type: 'array', dense: true });
    const data = (workbook.Sheets[workbook.SheetNames[0]!]!['!data'] ?? []) as CellObject[][];
    const cells = data.map((row) => Array.from(row, (cell) => cellText(cell)));
    // The CSV pads nothing: compare each row without the workbook's trailing empty cells.
    const trim = (row: string[]) => row.slice(0, row.findLastIndex((v) => v !== '') + 1);
    expect(cells.map(trim)).toEqual(Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.map(trim));
    const mine = data.find((row) => row[4]?.v === pairing.registerRef)!;
    expect(mine[4]!.t).toBe('s');
    expect(mine[6]).toMatchObject({ t: 'n', v: 92 });
    expect(data.at(-1)![0]!.v).toBe('合计');
  });
});

describe('the school’s pairing settings', () => {
  it('sets the cap, how often each contact is due and the terms; a term line that does not read says which line', async () => {
    const coordinator = await createCoordinator();
    const fields = { pairingCap: '3', plan_talk: 'fortnightly', plan_family_call: 'monthly', plan_home_visit: 'termly', plan_activity: 'none', plan_warmth: 'yearly' };
    const bad = v.safeParse(PairingSettingsSchema, { ...fields, terms: '秋季学期, 2026-09-01, 2027-01-31\n春季学期，2027-02-20' });
    expect(bad.issues?.[0]?.message).toContain('第 2 行');
    const input = v.parse(PairingSettingsSchema, { ...fields, terms: '秋季学期, 2026-09-01, 2027-01-20\n春季学期，2027-02-20，2027-07-10\n' });
    await savePairingSettings(db, input, coordinator.id);
    const settings = (await pairingSettings(db, new Date('2026-11-24T04:00:00Z')))!;
    expect(settings.pairingCap).toBe(3);
    expect(settings.terms.map((t) => t.name)).toEqual(['秋季学期', '春季学期']);
    expect(planFor('mentor', settings.planJson).talk).toBe('fortnightly');
    expect(await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'pairing.settings' AND actor_id = ?").bind(coordinator.id).first<{ n: number }>()).toEqual({ n: 1 });
  });
});

describe('the term a record is asked for', () => {
  it('reads any address: a term’s first day, nothing (the current term) or rubbish (the current term too)', () => {
    expect(readTerm({})).toBe('');
    expect(readTerm({ term: '2026-09-01' })).toBe('2026-09-01');
    expect(v.safeParse(TermQuerySchema, { term: 'x' }).success).toBe(false);
  });
});
const readTerm = (q: Record<string, string>) => v.parse(TermQuerySchema, q).term;
