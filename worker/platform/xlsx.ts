/**
 * Excel workbooks (.xlsx), as Excel and WPS save them, read into rows of text and written from
 * rows of text, with SheetJS Community Edition (docs/decisions/016). Reading trusts nothing in
 * the file: the zip is checked first (worker/platform/zip.ts), only the first worksheet with
 * anything in it is read, formulas are never run (their last value, as saved, is what is read),
 * and every cell comes out as the text the teacher saw: dates as YYYY-MM-DD, numbers without
 * floating-point noise, text cells exactly as typed (leading zeros kept).
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import * as sheetjs from '@e965/xlsx/dist/xlsx.mini.min.js';
import { checkZip, type ZipProblem } from './zip';

// SheetJS's mini build: .xlsx (and CSV) only, about 86 KB gzip against 200 KB for the full ES
// module, and none of the parsers for the other formats (.xls, .ods, .numbers, …) an upload could
// try to reach. It is a CommonJS file: bundlers hand it over as the default export.
const { read, SSF, utils, write } = (sheetjs as typeof sheetjs & { default?: typeof sheetjs }).default ?? sheetjs;

/** One non-empty row of a sheet, with its row number as Excel and WPS show it. */
export interface SheetRow {
  line: number;
  cells: string[];
}

export type XlsxRead = { ok: true; rows: SheetRow[] } | { ok: false; message: string };

/**
 * How much an .xlsx may hold once unzipped, in all. A class list of 2,000 rows is about 1 MB of
 * XML; the limit leaves room for WPS's styles, and keeps a hostile file's parse within a
 * Worker's memory.
 */
export const MAX_XLSX_UNZIPPED_BYTES = 12 * 1024 * 1024;
/** Columns read; a cell further right refuses the file rather than being silently dropped. */
export const MAX_XLSX_COLUMNS = 100;

const SAVE_AS = '请在 Excel 或 WPS 里打开，用“另存为”保存成“Excel 工作簿（.xlsx）”或 CSV，再上传。';
const ZIP_MESSAGES: Record<ZipProblem, string> = {
  'not-zip': `这个文件不是 Excel 表格（.xlsx）。${SAVE_AS}`,
  broken: `这个 .xlsx 文件打不开，可能已经损坏。${SAVE_AS}`,
  encrypted: '这个表格设了密码，网站打不开。请在 Excel 或 WPS 里取消密码后再上传。',
  'too-big': `这个表格解压后太大（超过 ${MAX_XLSX_UNZIPPED_BYTES / 1024 / 1024} MB），网站不读。请只留下要导入的心愿卡，分几次导入。`,
};

/**
 * Old Excel (.xls), WPS's own .et and password-protected .xlsx files are all OLE compound files.
 * A protected .xlsx keeps its workbook in a stream named "EncryptedPackage" (stored in UTF-16).
 */
export function oleFileMessage(bytes: Uint8Array): string | null {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length < 8 || ole.some((b, i) => bytes[i] !== b)) return null;
  const marker = Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat();
  for (let i = 0; i + marker.length <= bytes.length; i++) {
    if (marker.every((b, j) => bytes[i + j] === b)) return ZIP_MESSAGES.encrypted;
  }
  return `这是旧版的表格格式（.xls 或 WPS 的 .et），网站读不了。${SAVE_AS}`;
}

/** The rows of the workbook's first visible worksheet that has anything in it. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxRead> {
  const zip = await checkZip(bytes, MAX_XLSX_UNZIPPED_BYTES);
  if (!zip.ok) return { ok: false, message: ZIP_MESSAGES[zip.problem] };
  const names = new Set(zip.entries.map((e) => e.name.toLowerCase()));
  if (names.has('xl/workbook.bin')) return { ok: false, message: `这是 Excel 二进制工作簿（.xlsb），网站读不了。${SAVE_AS}` };
  if (!names.has('xl/workbook.xml') || !names.has('[content_types].xml')) return { ok: false, message: ZIP_MESSAGES['not-zip'] };

  let workbook;
  try {
    workbook = read(bytes, {
      type: 'array',
      dense: true,
      // The number format of each cell: dates are numbers formatted as dates.
      cellNF: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      bookFiles: false,
    });
  } catch {
    return { ok: false, message: ZIP_MESSAGES.broken };
  }
  const date1904 = !!workbook.Workbook?.WBProps?.date1904;
  const visible = workbook.SheetNames.filter((_, i) => !workbook.Workbook?.Sheets?.[i]?.Hidden);
  for (const name of visible) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    const rows = sheetRows(sheet, date1904);
    if (rows === 'too-wide') return { ok: false, message: `表格第 ${MAX_XLSX_COLUMNS} 列的右边还有内容，网站最多读 ${MAX_XLSX_COLUMNS} 列。请删掉多余的列再上传。` };
    if (rows.length > 0) return { ok: true, rows };
  }
  return { ok: false, message: '表格里没有内容，请用模板填写后再上传。' };
}

/** The non-empty rows of a sheet as text; only the cells that exist are visited, whatever the sheet's stated size. */
function sheetRows(sheet: WorkSheet, date1904: boolean): SheetRow[] | 'too-wide' {
  const data = (sheet['!data'] ?? []) as (CellObject[] | undefined)[];
  const rows: SheetRow[] = [];
  let tooWide = false;
  // forEach skips the holes of a sparse array: a cell at row 1,048,576 costs one step, not a million.
  data.forEach((row, r) => {
    if (!row || tooWide) return;
    const cells: string[] = [];
    row.forEach((cell, c) => {
      const text = cellText(cell, date1904);
      if (text === '') return;
      if (c >= MAX_XLSX_COLUMNS) tooWide = true;
      else cells[c] = text;
    });
    if (cells.length > 0) rows.push({ line: r + 1, cells: Array.from(cells, (t) => t ?? '') });
  });
  return tooWide ? 'too-wide' : rows;
}

/** A cell as the teacher saw it in Excel or WPS. */
export function cellText(cell: CellObject | undefined, date1904 = false): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v);
    case 'n': {
      const n = cell.v as number;
      const format = typeof cell.z === 'string' ? cell.z : 'General';
      if (SSF.is_date(format)) return serialDate(n, date1904) ?? String(n);
      // A number shown padded with zeros (format 000000): the padded text is what was seen.
      if (/^0+$/.test(format) && typeof cell.w === 'string') return cell.w;
      return plainNumber(n);
    }
    case 'd':
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v.toISOString().slice(0, 10) : '';
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return typeof cell.w === 'string' ? cell.w : '';
    default:
      return '';
  }
}

/** 0.30000000000000004 → "0.3", 9 → "9", 13800001111 → "13800001111": at most the 15 digits Excel keeps. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** An Excel date serial as YYYY-MM-DD (days since 1899-12-30, or since 1904-01-01 in the Mac system). */
export function serialDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  // Round to the second first: a time stored as 0.99999999 of a day belongs to the next day.
  const days = Math.floor(Math.round(serial * 86400) / 86400);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86400_000).toISOString().slice(0, 10);
}

/** What a sheet to write holds: rows of text, and which columns hold counts rather than text. */
export interface XlsxSheet {
  /** The worksheet's tab name (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  /** Lines above the table, such as a title. */
  preface?: readonly (readonly string[])[];
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns (by index) whose whole-number cells are written as numbers, so that they add up. */
  numberColumns?: readonly number[];
  /**
   * Empty rows below the table already formatted as text, for a template to be typed into: a
   * register number typed there as 012 stays 012 instead of becoming the number 12.
   */
  blankTextRows?: number;
}

/**
 * An .xlsx workbook of one sheet. Every cell is a text cell (shared string, number format "@")
 * unless its column holds counts: register numbers and phone numbers keep their leading zeros
 * and every digit, and a cell that starts with "=" is text, never a formula. Columns are as wide
 * as their longest value (Chinese characters count double), within reason.
 */
export function writeXlsx(sheet: XlsxSheet): Uint8Array<ArrayBuffer> {
  const blank = Array.from({ length: sheet.blankTextRows ?? 0 }, () => sheet.header.map(() => ''));
  const lines = [...(sheet.preface ?? []), sheet.header, ...sheet.rows, ...blank];
  const headerRow = sheet.preface?.length ?? 0;
  const numbers = new Set(sheet.numberColumns ?? []);
  const ws: WorkSheet = {};
  const width = Math.max(...lines.map((l) => l.length), 1);
  lines.forEach((line, r) => {
    line.forEach((value, c) => {
      if (value === '' && r < lines.length - blank.length) return;
      const numeric = r > headerRow && numbers.has(c) && /^-?\d{1,15}$/.test(value);
      ws[utils.encode_cell({ r, c })] = numeric ? { t: 'n', v: Number(value) } : { t: 's', v: value, z: '@' };
    });
  });
  ws['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(lines.length - 1, 0), c: width - 1 } });
  ws['!cols'] = Array.from({ length: width }, (_, c) => ({ wch: columnWidth([sheet.header, ...sheet.rows.slice(0, 500)].map((l) => l[c] ?? '')) }));
  if (sheet.rows.length > 0) ws['!autofilter'] = { ref: utils.encode_range({ s: { r: headerRow, c: 0 }, e: { r: lines.length - 1, c: sheet.header.length - 1 } }) };
  const workbook = utils.book_new();
  utils.book_append_sheet(workbook, ws, sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  const out = write(workbook, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** Characters wide, Chinese characters and full-width forms counting two, between 6 and 50. */
function columnWidth(values: string[]): number {
  const wide = (line: string) => [...line].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widest = Math.max(0, ...values.flatMap((v) => v.split(/\r?\n/).map(wide)));
  return Math.min(50, Math.max(6, widest + 2));
}
