/**
 * Property-based: spreadsheet imports of generated files (random bytes, broken
 * CSV, broken GBK, hostile cells, stray columns) get a report or a structured
 * refusal, never a 5xx; a preview never writes; an import writes exactly the
 * cards its report says it created, each with its audit row.
 */
import fc from 'fast-check';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseDigest } from '../support/db-digest';
import { createCampaign } from '../support/factories';
import { hostileString, INTERNALS } from '../support/hostile-values';
import { coordinator, type Visitor } from '../support/site-client';

let admin: Visitor;
let header: string[];
/** The template's example row: a valid card to vary. */
let example: string[];

beforeAll(async () => {
  // The current campaign: imported cards go into it.
  await createCampaign();
  admin = await coordinator();
  const template = (await (await admin.visit('/api/admin/import/template.csv')).text()).replace(/^\uFEFF/, '');
  [header, example] = template.split(/\r?\n/).slice(0, 2).map((line) => line.split(',')) as [string[], string[]];
});

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
};

/** A CSV cell: plausible values, hostile text, quotes that do not close, formulas. */
const cell = fc.oneof(
  fc.constantFrom('小雨', '9', '中年级', '图书', '想要一本字典', 'REG-2026-1', '', '"', '""', '"a,b', '=1+1', '@SUM(A1)', '+cmd', '-2', '\r', '\n'),
  hostileString.map((s) => s.slice(0, 500)),
);
const randomRow = fc.array(cell, { maxLength: 12 });
/** The example row with a fresh hand-out reference and hostile text where free text goes (alias, wish, notes). */
const validishRow = fc.tuple(fc.nat(), cell, cell, cell).map(([n, alias, wish, notes]) => {
  const r = [...example];
  r[0] = alias.replace(/[",\r\n]/g, '') || '小雨';
  r[4] = `"${wish.replaceAll('"', '""')}"`;
  r[6] = `R-${n}-${Math.random().toString(36).slice(2, 8)}`;
  r[9] = `"${notes.replaceAll('"', '""')}"`;
  return r;
});

/** The bytes of a CSV: the template's columns (some shuffled or extra), then rows, as UTF-8, UTF-8 with BOM, or broken GBK. */
const csvFile = fc
  .record({
    extraColumns: fc.oneof(fc.constant([]), fc.array(fc.oneof(fc.constantFrom('备注2', '孩子姓名', '班级', '家长电话', 'x'), fc.string({ maxLength: 6 })), { maxLength: 2 })),
    separator: fc.constantFrom('\r\n', '\n', '\r'),
    encoding: fc.constantFrom('utf8', 'bom', 'gbk-ish'),
    cells: fc.array(fc.oneof(randomRow, validishRow), { maxLength: 12 }),
  })
  .map(({ extraColumns, separator, encoding, cells }) => {
    const lines = [[...header, ...extraColumns].join(','), ...cells.map((r) => r.join(','))].join(separator);
    const utf8 = new TextEncoder().encode(lines);
    if (encoding === 'utf8') return utf8;
    if (encoding === 'bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    // Bytes in GBK's lead and trail ranges, some pairs cut in half: what a mis-saved Excel file looks like.
    return new Uint8Array([...utf8].map((b, i) => (b >= 0x80 ? (i % 7 === 0 ? 0x81 : b | 0x80) : b)));
  });

const anyFile = fc.oneof({ weight: 3, arbitrary: csvFile }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }) });

interface ImportAnswer {
  created?: number;
  error?: { code: string; message: string };
}

describe('spreadsheet import under generated files', () => {
  it('a preview answers a report or a structured refusal and never writes', async () => {
    await fc.assert(
      fc.asyncProperty(anyFile, async (bytes) => {
        const before = await databaseDigest();
        const res = await admin.postJson('/api/admin/import/preview', { fileBase64: toBase64(bytes) });
        const text = await res.text();
        expect(res.status).toBeLessThan(500);
        expect(text).not.toMatch(INTERNALS);
        if (res.status >= 400) expect((JSON.parse(text) as ImportAnswer).error?.code).toBeTypeOf('string');
        expect(await databaseDigest()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('an import writes exactly the cards it reports, with an audit row, or nothing at all', async () => {
    let created = 0;
    const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;
    await fc.assert(
      fc.asyncProperty(anyFile, async (bytes) => {
        const before = await databaseDigest();
        const cards = await count('SELECT count(*) AS n FROM cards');
        const res = await admin.postJson('/api/admin/import', { fileBase64: toBase64(bytes) });
        expect(res.status).toBeLessThan(500);
        const answer = (await res.json()) as ImportAnswer;
        if (res.status >= 400) {
          expect(answer.error?.code).toBeTypeOf('string');
          expect(await databaseDigest()).toEqual(before);
        } else {
          expect(await count('SELECT count(*) AS n FROM cards')).toBe(cards + answer.created!);
          if (answer.created! > 0) {
            const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'card.import' ORDER BY id DESC LIMIT 1").first<{ detail: string }>();
            expect(JSON.parse(audit!.detail).created).toBe(answer.created);
            created += answer.created!;
          }
          expect(await count('SELECT count(*) AS n FROM cards c WHERE NOT EXISTS (SELECT 1 FROM card_private p WHERE p.card_id = c.id)')).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
    // The generator does reach the writing path, not only the refusals.
    expect(created).toBeGreaterThan(0);
  });
});
