/**
 * Property-based: spreadsheet imports of generated files (random bytes, broken
 * CSV, broken GBK, hostile cells, stray columns, .xlsx workbooks whole, cut
 * short or with bytes flipped) get a report or a structured refusal, never a
 * 5xx; a preview never writes; an import writes exactly the cards its report
 * says it created, each with its audit row. Then hostile .xlsx files by name: not
 * a zip, a zip without a sheet, a zip bomb, a sheet that claims a million rows,
 * formulas, encryption, old formats, a column of names.
 */
import fc from 'fast-check';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseDigest } from '../support/db-digest';
import { createCampaign } from '../support/factories';
import { hostileString, INTERNALS } from '../support/hostile-values';
import { coordinator, type Visitor } from '../support/site-client';
import { oleFile, workbookParts, xlsxFile, zipFile, type XCell } from '../support/xlsx-files';

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

/** An .xlsx cell: the CSV's cells as text, numbers, dates, formulas with a saved value. */
const xcell: fc.Arbitrary<XCell> = fc.oneof(
  cell,
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.date({ min: new Date('1900-03-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => ({ date: d.toISOString().slice(0, 10) })),
  fc.nat().map((n) => ({ padded: n })),
  cell.map((t) => ({ inline: t })),
  fc.tuple(cell, cell).map(([formula, cached]) => ({ formula, cached })),
  fc.constant(null),
);
/** The spec of an .xlsx: the template's header (maybe with extra columns), rows as in the CSV generator, then damage. */
const xlsxSpec = fc.record({
  extraColumns: fc.array(fc.constantFrom('备注2', '学生姓名', '手机', 'x'), { maxLength: 1 }),
  rows: fc.array(fc.oneof(fc.array(xcell, { maxLength: 12 }), validishRow.map((r) => r.map((c) => c.replace(/^"|"$/g, '').replaceAll('""', '"')) as XCell[])), { maxLength: 10 }),
  damage: fc.oneof(fc.constant({ kind: 'none' as const }), fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }), fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }) })),
});
type XlsxSpec = typeof xlsxSpec extends fc.Arbitrary<infer T> ? T : never;
async function xlsxBytes(spec: XlsxSpec): Promise<Uint8Array> {
  const bytes = await xlsxFile([{ name: 'Sheet1', rows: [[...header, ...spec.extraColumns], ...spec.rows] }]);
  if (spec.damage.kind === 'cut') return bytes.slice(0, Math.floor(bytes.length * spec.damage.at));
  if (spec.damage.kind === 'flip') for (const at of spec.damage.at) bytes[Math.floor((bytes.length - 1) * at)]! ^= 0x5a;
  return bytes;
}

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

  it('an .xlsx, whole or damaged, gets a report or a refusal; a preview writes nothing, an import exactly what it reports', async () => {
    let reports = 0;
    const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;
    await fc.assert(
      fc.asyncProperty(xlsxSpec, fc.boolean(), async (spec, write) => {
        const before = await databaseDigest();
        const cards = await count('SELECT count(*) AS n FROM cards');
        const res = await admin.postJson(write ? '/api/admin/import' : '/api/admin/import/preview', { fileBase64: toBase64(await xlsxBytes(spec)) });
        const text = await res.text();
        expect(res.status).toBeLessThan(500);
        expect(text).not.toMatch(INTERNALS);
        const answer = JSON.parse(text) as ImportAnswer;
        if (res.status >= 400 || !write) {
          if (res.status >= 400) expect(answer.error?.code).toBeTypeOf('string');
          expect(await databaseDigest()).toEqual(before);
        } else {
          expect(await count('SELECT count(*) AS n FROM cards')).toBe(cards + answer.created!);
        }
        if (res.status === 200) reports++;
      }),
      { numRuns: 40 },
    );
    // Whole workbooks are read, not only refused.
    expect(reports).toBeGreaterThan(0);
  });
});

describe('hostile .xlsx files', () => {
  /** Posts a file to the import; a refusal must be a 422 in Chinese that wrote nothing. */
  async function refused(bytes: Uint8Array, says: RegExp): Promise<void> {
    const before = await databaseDigest();
    const started = Date.now();
    const res = await admin.postJson('/api/admin/import', { fileBase64: toBase64(bytes) });
    const answer = (await res.json()) as ImportAnswer;
    expect(res.status, JSON.stringify(answer)).toBe(422);
    expect(answer.error).toMatchObject({ code: 'file_refused', message: expect.stringMatching(says) });
    expect(answer.error!.message).not.toMatch(INTERNALS);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await databaseDigest()).toEqual(before);
  }
  const rowsOf = (extra: XCell[][] = []): XCell[][] => [header, ...extra];
  /** The template's example row with its own register number. */
  const exampleWith = (ref: string): XCell[] => example.map((value, i) => (i === 6 ? ref : value));

  it('a file that starts like a zip and is not one', async () => {
    await refused(new Uint8Array([0x50, 0x4b, 3, 4, ...new TextEncoder().encode('这不是表格'.repeat(20))]), /打不开|不是 Excel/);
  });

  it('a zip without a workbook, and a workbook without a sheet', async () => {
    await refused(await zipFile([['readme.txt', '你好']]), /不是 Excel 表格/);
    const parts = workbookParts([{ name: 'Sheet1', rows: rowsOf() }]);
    delete parts['xl/worksheets/sheet1.xml'];
    await refused(await zipFile(Object.entries(parts)), /没有内容|打不开/);
  });

  it('a zip bomb: 50 MB of zeros in a few kilobytes, and a part whose header lies about its size', async () => {
    const zeros = new Uint8Array(50 * 1024 * 1024);
    const bomb = await zipFile([...Object.entries(workbookParts([{ name: 'Sheet1', rows: rowsOf() }])), ['xl/media/image1.png', zeros]]);
    expect(bomb.length).toBeLessThan(200_000);
    await refused(bomb, /解压后太大/);
    const liar = await zipFile(Object.entries(workbookParts([{ name: 'Sheet1', rows: rowsOf([exampleWith('BOMB-1')]) }])), { declaredSize: () => 10 });
    await refused(liar, /打不开/);
  });

  it('a sheet that claims a million rows and columns reads only the cells it has; a cell beyond the 100th column refuses the file', async () => {
    const huge = await xlsxFile([{ name: 'Sheet1', dimension: 'A1:XFD1048576', rows: rowsOf([exampleWith('DIM-1')]), extraCells: [{ ref: 'A1048576', cell: '小禾' }] }]);
    const started = Date.now();
    const res = await admin.postJson('/api/admin/import/preview', { fileBase64: toBase64(huge) });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { rows: { line: number }[] };
    expect(report.rows.map((r) => r.line)).toEqual([2, 1048576]);
    expect(Date.now() - started).toBeLessThan(10_000);
    await refused(await xlsxFile([{ name: 'Sheet1', rows: rowsOf([exampleWith('DIM-2')]), extraCells: [{ ref: 'XFD1048576', cell: '姓名' }] }]), /100 列/);
  });

  it('formula cells: the value Excel saved is read, the formula never runs and is never kept', async () => {
    const row = exampleWith('FORMULA-1');
    row[4] = { formula: 'HYPERLINK("http://evil.example","点我")', cached: '想要一本新华字典' };
    row[9] = { formula: 'WEBSERVICE("http://evil.example")', cached: '' };
    const res = await admin.postJson('/api/admin/import', { fileBase64: toBase64(await xlsxFile([{ name: 'Sheet1', rows: rowsOf([row]) }])) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ImportAnswer).created).toBe(1);
    const card = await env.DB.prepare("SELECT c.wish, p.notes FROM cards c JOIN card_private p ON p.card_id = c.id WHERE p.handout_ref = 'FORMULA-1'").first();
    expect(card).toEqual({ wish: '想要一本新华字典', notes: '' });
    expect(JSON.stringify((await env.DB.prepare('SELECT * FROM audit_log').all()).results)).not.toContain('evil.example');
  });

  it('a column headed 姓名 refuses the whole workbook', async () => {
    const rows: XCell[][] = [['姓名', ...header], ['王小明', ...exampleWith('NAME-1')]];
    await refused(await xlsxFile([{ name: 'Sheet1', rows }]), /姓名/);
  });

  it('a password, an encrypted zip, an old .xls or WPS .et file: each told how to save it again', async () => {
    await refused(oleFile('EncryptedPackage'), /密码/);
    await refused(await zipFile(Object.entries(workbookParts([{ name: 'Sheet1', rows: rowsOf([exampleWith('ENC-1')]) }])), { encryptedFlag: true, store: true }), /密码/);
    await refused(oleFile('Workbook'), /旧版.*另存为/);
  });
});
