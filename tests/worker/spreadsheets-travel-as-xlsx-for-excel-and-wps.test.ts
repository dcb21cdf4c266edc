/**
 * .xlsx both ways. Import: a workbook saved the way Excel and WPS save it (shared strings, numbers
 * as number cells, dates as day serials, padded numbers, formulas with their saved value, a blank
 * row, a hidden sheet) gives the same per-row report as the CSV of the same rows, with Excel's row
 * numbers. Export: every export is also an .xlsx attachment whose rows are the CSV's rows, read
 * back with SheetJS and checked in the raw XML: register and phone numbers are string cells, so
 * leading zeros and long numbers survive; headers are in Chinese; it is audited.
 */
import { read, type CellObject, type WorkBook } from '@e965/xlsx';
import Papa from 'papaparse';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '#worker/cards/index.ts';
import { cellText, plainNumber, serialDate } from '#worker/platform/xlsx.ts';
import { adminFetch, coordinatorCookie, countRows } from '../support/api-client';
import { createCampaign, createCard, createClaim, createVolunteer } from '../support/factories';
import { xlsxFile, zipPart, type XCell } from '../support/xlsx-files';
// Saved by LibreOffice Calc from class-list.fods (npm run make:xlsx-fixture): a real spreadsheet program's file.
import savedByLibreOffice from '../fixtures/xlsx/class-list-saved-by-libreoffice.xlsx.base64?raw';

let cookie = '';
const HEADER = IMPORT_COLUMNS.map(([, label]) => label);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const base64 = (bytes: Uint8Array) => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
};

type Report = { created: number; importable: number; encoding: string; rows: { line: number; values: Record<string, string>; errors: { field: string; message: string }[]; duplicate: boolean }[] };

/** The rows of a workbook's first sheet as SheetJS reads them: [text, type] per cell. */
function sheetCells(workbook: WorkBook): { text: string; type: string }[][] {
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  const data = (sheet['!data'] ?? []) as CellObject[][];
  return Array.from(data, (row) => Array.from(row ?? [], (cell) => ({ text: cellText(cell), type: cell?.t ?? '' })));
}

/** The CSV an export also offers, as rows (BOM and formula guards as they are). */
const csvRows = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

/** The sheet XML's cells of one column below the header: each `<c …>` tag, to see its type. */
function columnTags(sheetXml: string, column: string, fromRow: number): string[] {
  return [...sheetXml.matchAll(new RegExp(`<c r="${column}(\\d+)"[^>]*>`, 'g'))].filter((m) => Number(m[1]) >= fromRow).map((m) => m[0]);
}

beforeAll(async () => {
  await createCampaign();
  cookie = await coordinatorCookie();
});

describe('reading a cell as the teacher saw it', () => {
  it('writes dates as YYYY-MM-DD, numbers without floating-point noise, and keeps every digit Excel keeps', () => {
    expect(serialDate(46344)).toBe('2026-11-18');
    expect(serialDate(46344.99999999)).toBe('2026-11-19');
    expect(serialDate(44882, true)).toBe('2026-11-18');
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(9)).toBe('9');
    expect(plainNumber(13800001111)).toBe('13800001111');
    expect(cellText({ t: 'n', v: 46344, z: 'm/d/yy' })).toBe('2026-11-18');
    expect(cellText({ t: 'n', v: 46344, z: 'yyyy"年"m"月"d"日"' })).toBe('2026-11-18');
    expect(cellText({ t: 'n', v: 123, z: '000000', w: '000123' })).toBe('000123');
    expect(cellText({ t: 's', v: '0012' })).toBe('0012');
  });
});

describe('importing an .xlsx saved by Excel or WPS', () => {
  const row = (alias: string, age: XCell, ref: XCell, consent: XCell, extra: Partial<Record<number, XCell>> = {}): XCell[] => {
    const cells: XCell[] = [alias, age, '小学三四年级', '图书', '想要一本讲恐龙的书', null, ref, consent, '纸质回执', null];
    for (const [i, cell] of Object.entries(extra)) cells[Number(i)] = cell ?? null;
    return cells;
  };

  it('reports every row with Excel’s row numbers and the text the teacher saw, as the same rows in CSV would be', async () => {
    const file = await xlsxFile([
      {
        name: '三年级',
        rows: [
          HEADER,
          row('小雨', 9, 'X-0012', { date: '2026-11-18' }),
          // A register number typed as a number but shown padded (format 000000), an age that is a formula.
          row('乐乐', { formula: '4+5', cached: 9 }, { padded: 123 }, '2026/11/19'),
          null, // a blank row between the children, as teachers leave them
          row('阿福', 10.000000000000002, { inline: 'X-0014' }, { date: '2026-11-20' }, { 9: { formula: 'CONCAT("备","注")', cached: '备注' } }),
          row('小禾', 'abc', 'X-0015', { date: '2026-11-20' }),
        ],
      },
      // A hidden sheet with children's names is never read: only the first visible sheet with content is.
      { name: '名单', hidden: true, rows: [['姓名', '家长电话'], ['张晓雨', '13900001111']] },
    ]);
    const res = await adminFetch(cookie, '/import/preview', 'POST', { fileBase64: base64(file) });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.encoding).toBe('xlsx');
    expect(report.rows.map((r) => r.line)).toEqual([2, 3, 5, 6]);
    expect(report.importable).toBe(3);
    expect(report.rows.map((r) => r.values['学校登记编号'])).toEqual(['X-0012', '000123', 'X-0014', 'X-0015']);
    expect(report.rows.map((r) => r.values['监护人同意日期'])).toEqual(['2026-11-18', '2026/11/19', '2026-11-20', '2026-11-20']);
    expect(report.rows.map((r) => r.values['年龄'])).toEqual(['9', '9', '10', 'abc']);
    expect(report.rows[2]!.values['备注']).toBe('备注');
    expect(report.rows[3]!.errors.map((e) => e.field)).toEqual(['年龄']);
    expect(JSON.stringify(report)).not.toContain('张晓雨');
  });

  it('reads a workbook LibreOffice Calc saved: dates in two Chinese formats, a register number typed as text, formulas, a blank row', async () => {
    const res = await adminFetch(cookie, '/import/preview', 'POST', { fileBase64: savedByLibreOffice.trim() });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.encoding).toBe('xlsx');
    expect(report.rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(report.rows.map((r) => r.errors)).toEqual([[], [], []]);
    expect(report.rows.map((r) => [r.values['年龄'], r.values['学校登记编号'], r.values['监护人同意日期']])).toEqual([
      ['9', '0012', '2026-11-18'],
      ['10', '2026012', '2026-11-19'],
      ['6', 'A-0031', '2026-11-20'],
    ]);
    expect(report.rows[2]!.values['备注']).toBe('放学后交');
    expect(report.importable).toBe(3);
  });

  it('imports the valid rows as drafts, with the register number’s leading zeros and the dates as typed', async () => {
    const file = await xlsxFile([{ name: 'Sheet1', rows: [HEADER, row('朵朵', 8, '00731', { date: '2026-11-18' }), row('果果', 11, { padded: 42 }, { date: '2026-11-21' })] }]);
    const res = await adminFetch(cookie, '/import', 'POST', { fileBase64: base64(file) });
    const report = (await res.json()) as Report;
    expect(report.created).toBe(2);
    const rows = await env.DB.prepare("SELECT c.alias, c.age, c.status, p.handout_ref, p.consent_on FROM cards c JOIN card_private p ON p.card_id = c.id WHERE p.handout_ref IN ('00731', '000042') ORDER BY p.handout_ref").all();
    expect(rows.results).toEqual([
      { alias: '果果', age: 11, status: 'draft', handout_ref: '000042', consent_on: '2026-11-21' },
      { alias: '朵朵', age: 8, status: 'draft', handout_ref: '00731', consent_on: '2026-11-18' },
    ]);
    // The same file again adds nothing.
    const again = (await (await adminFetch(cookie, '/import', 'POST', { fileBase64: base64(file) })).json()) as Report;
    expect(again.created).toBe(0);
    expect(again.rows.every((r) => r.duplicate)).toBe(true);
  });

  it('refuses a workbook with a column of children’s names, and stores nothing of it', async () => {
    const before = await countRows('SELECT count(*) AS n FROM cards');
    const file = await xlsxFile([{ name: 'Sheet1', rows: [['学生姓名', ...HEADER], ['王晓明', ...row('小明', 9, 'N-1', { date: '2026-11-18' })]] }]);
    const res = await adminFetch(cookie, '/import', 'POST', { fileBase64: base64(file) });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error).toMatchObject({ code: 'file_refused' });
    expect(error.message).toContain('学生姓名');
    expect(await countRows('SELECT count(*) AS n FROM cards')).toBe(before);
    expect(JSON.stringify((await env.DB.prepare('SELECT * FROM audit_log').all()).results)).not.toContain('王晓明');
  });
});

describe('exporting as .xlsx for Excel and WPS', () => {
  it('cards: the CSV’s rows, Chinese headers, register numbers as string cells with their leading zeros, a formula-looking note as plain text, audited', async () => {
    await createCard({ status: 'open', handoutRef: '000123', notes: '=HYPERLINK("http://evil")' });
    await createCard({ status: 'open', handoutRef: '12345678901234567890' });
    const res = await adminFetch(cookie, '/export/cards.xlsx?status=open');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(XLSX_TYPE);
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''%E5%BF%83%E6%84%BF%E5%8D%A1-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const cells = sheetCells(read(bytes, { type: 'array', dense: true, cellNF: true }));
    const csv = csvRows(await (await adminFetch(cookie, '/export/cards.csv?status=open')).text());
    // The same rows in both files; the CSV alone guards formula-looking cells with an apostrophe.
    expect(cells.map((r) => r.map((c) => c.text))).toEqual(csv.map((r) => r.map((v) => v.replace(/^'(?=[=+\-@])/, ''))));
    expect(cells[0]!.map((c) => c.text)).toEqual(['编号', ...HEADER, '状态', '发布日期']);
    const ref = HEADER.indexOf('学校登记编号') + 1;
    const refs = cells.slice(1).map((r) => r[ref]!);
    expect(refs.map((c) => c.text)).toEqual(expect.arrayContaining(['000123', '12345678901234567890']));
    expect(new Set(refs.map((c) => c.type))).toEqual(new Set(['s']));

    const xml = await zipPart(bytes, 'xl/worksheets/sheet1.xml');
    const refTags = columnTags(xml, 'H', 2);
    expect(refTags.length).toBe(refs.length);
    for (const tag of refTags) expect(tag).toMatch(/ t="s"/);
    // Nothing in the workbook is a formula, and the note is a string like any other.
    expect(xml).not.toContain('<f>');
    expect(await zipPart(bytes, 'xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://evil&quot;)');
    // A sensible width for each column, wider for the wish than for the age.
    const widths = [...xml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(widths[5]!).toBeGreaterThan(widths[2]!);
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 2").all<{ detail: string }>();
    expect(audit.results.map((r) => JSON.parse(r.detail))).toEqual([expect.objectContaining({ what: 'cards', format: 'csv' }), expect.objectContaining({ what: 'cards', format: 'xlsx' })]);
  });

  it('volunteers and claims: mobile numbers are string cells, every digit kept', async () => {
    const volunteer = await createVolunteer({ mobile: '13800001111' });
    await createClaim({ volunteer });
    for (const [path, mobileColumn] of [['/volunteers/export.xlsx', 'C'], ['/claims/export.xlsx', 'E']] as const) {
      const res = await adminFetch(cookie, path);
      expect(res.headers.get('Content-Type'), path).toBe(XLSX_TYPE);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const cells = sheetCells(read(bytes, { type: 'array', dense: true }));
      const column = mobileColumn.charCodeAt(0) - 65;
      expect(cells[0]![column]!.text, path).toBe('手机');
      const mine = cells.find((r) => r[column]?.text === '13800001111');
      expect(mine?.[column]?.type, path).toBe('s');
      // The row number is a number cell (it adds up); the phone is not.
      expect(mine?.[0]?.type, path).toBe('n');
      for (const tag of columnTags(await zipPart(bytes, 'xl/worksheets/sheet1.xml'), mobileColumn, 2)) expect(tag, path).toMatch(/ t="s"/);
    }
  });

  it('the template: the import’s columns, an example row, and empty rows already formatted as text; importing it as it is reads the example row and refuses it', async () => {
    const res = await adminFetch(cookie, '/import/template.xlsx');
    expect(res.headers.get('Content-Disposition')).toContain("filename*=UTF-8''%E5%BF%83%E6%84%BF%E5%8D%A1%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const cells = sheetCells(read(bytes, { type: 'array', dense: true }));
    expect(cells[0]!.map((c) => c.text)).toEqual(HEADER);
    expect(cells[1]!.map((c) => c.text)).toContain('示例-登记-012');
    // The empty rows are text cells (number format 49, "@"): a register number typed there as 012 stays 012.
    const xfs = (await zipPart(bytes, 'xl/styles.xml')).match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/)![1]!;
    const formats = [...xfs.matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => m[1]);
    const blank = columnTags(await zipPart(bytes, 'xl/worksheets/sheet1.xml'), 'G', 3);
    expect(blank.length).toBeGreaterThanOrEqual(100);
    for (const tag of blank) expect(formats[Number(tag.match(/ s="(\d+)"/)?.[1])]).toBe('49');
    const preview = (await (await adminFetch(cookie, '/import/preview', 'POST', { fileBase64: base64(bytes) })).json()) as Report;
    expect(preview.rows).toHaveLength(1);
    // The workbook is read (the blank text rows are no rows); the example itself is no child's wish.
    expect(preview.rows[0]!.errors.map((e) => e.message)).toEqual(['这是模板里的示例行，不是孩子的心愿：请删掉这一行']);
  });
});
