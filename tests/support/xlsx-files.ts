/**
 * .xlsx files built byte by byte, the way Excel and WPS write them (shared strings, numbers as
 * number cells, dates as day serials with a date format, deflated zip entries), and hostile ones
 * (a zip bomb, encryption, a sheet that claims to be enormous, old-format files). Written here,
 * not with the library under test, so that reading them proves the reader, not the writer.
 */

/** A cell as Excel stores it. */
export type XCell =
  | string // a shared string (what Excel writes for typed text)
  | number // a number cell, General format
  | { date: string } // a date typed as 2026/11/18: a day serial with the built-in date format 14
  | { padded: number } // a number shown with the custom format 000000 (leading zeros on screen only)
  | { inline: string } // an inline string (what some generators and WPS exports write)
  | { formula: string; cached: string | number } // a formula with the value Excel saved
  | { bool: boolean }
  | null;

export interface XSheet {
  name: string;
  /** Rows by position (index 0 is row 1); null for a row that is not in the file. */
  rows: (XCell[] | null)[];
  hidden?: boolean;
  /** The <dimension> to claim, whatever the cells; Excel writes the real one. */
  dimension?: string;
  /** Cells at explicit addresses, such as XFD1048576. */
  extraCells?: { ref: string; cell: XCell }[];
}

const enc = new TextEncoder();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Days since 1899-12-30, as Excel stores a date. */
export function excelSerial(isoDay: string): number {
  return (Date.parse(`${isoDay}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400_000;
}

/** The parts of a workbook as Excel 2016 writes them, with `sheets` in order. */
export function workbookParts(sheets: XSheet[]): Record<string, string> {
  const strings = new Map<string, number>();
  const sst = (s: string) => {
    if (!strings.has(s)) strings.set(s, strings.size);
    return strings.get(s)!;
  };
  const cellXml = (ref: string, cell: XCell): string => {
    if (cell === null) return '';
    if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sst(cell)}</v></c>`;
    if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
    if ('date' in cell) return `<c r="${ref}" s="1"><v>${excelSerial(cell.date)}</v></c>`;
    if ('padded' in cell) return `<c r="${ref}" s="2"><v>${cell.padded}</v></c>`;
    if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is><t>${esc(cell.inline)}</t></is></c>`;
    if ('formula' in cell) {
      return typeof cell.cached === 'number'
        ? `<c r="${ref}"><f>${esc(cell.formula)}</f><v>${cell.cached}</v></c>`
        : `<c r="${ref}" t="str"><f>${esc(cell.formula)}</f><v>${esc(cell.cached)}</v></c>`;
    }
    return `<c r="${ref}" t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
  };
  const parts: Record<string, string> = {};
  sheets.forEach((sheet, i) => {
    const byRow = new Map<number, string[]>();
    sheet.rows.forEach((row, r) => {
      if (row) byRow.set(r + 1, row.map((cell, c) => cellXml(`${columnName(c)}${r + 1}`, cell)));
    });
    for (const { ref, cell } of sheet.extraCells ?? []) {
      const r = Number(ref.replace(/^[A-Z]+/, ''));
      byRow.set(r, [...(byRow.get(r) ?? []), cellXml(ref, cell)]);
    }
    const width = Math.max(1, ...sheet.rows.map((r) => r?.length ?? 0));
    const dimension = sheet.dimension ?? `A1:${columnName(width - 1)}${Math.max(1, sheet.rows.length)}`;
    const rowsXml = [...byRow.entries()].sort(([a], [b]) => a - b).map(([r, cells]) => `<row r="${r}" spans="1:${width}">${cells.join('')}</row>`).join('');
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/><sheetData>${rowsXml}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  });
  parts['xl/sharedStrings.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t></si>`).join('')}</sst>`;
  parts['xl/styles.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="000000"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets><calcPr calcId="191029"/></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  parts['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
  return parts;
}

/** An .xlsx of these sheets, zipped as Excel does (every part deflated). */
export function xlsxFile(sheets: XSheet[]): Promise<Uint8Array<ArrayBuffer>> {
  return zipFile(Object.entries(workbookParts(sheets)));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([data.slice()]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
}

export interface ZipOptions {
  /** Store the parts instead of deflating them. */
  store?: boolean;
  /** Set the "encrypted" flag on every entry. */
  encryptedFlag?: boolean;
  /** Replace each entry's declared uncompressed size (a lying header). */
  declaredSize?: (real: number) => number;
}

/** A zip file of these entries, with a central directory, as any zip writer makes it. */
export async function zipFile(entries: [string, string | Uint8Array][], options: ZipOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? enc.encode(content) : content;
    const packed = options.store ? data : await deflateRaw(data);
    const nameBytes = enc.encode(name);
    const size = options.declaredSize ? options.declaredSize(data.length) : data.length;
    const flags = (options.encryptedFlag ? 1 : 0) | 0x800;
    const method = options.store ? 0 : 8;
    const local = new Uint8Array(30 + nameBytes.length + packed.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc32(data), true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(packed, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc32(data), true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The start of an OLE compound file: what old .xls, WPS .et and password-protected .xlsx files are. */
export function oleFile(streamName: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  // A directory entry's name, in UTF-16LE, somewhere after the header sector.
  out.set(Array.from(streamName, (c) => [c.charCodeAt(0), 0]).flat(), 1024);
  return out;
}

/** The bytes of one part of a zip (stored or deflated), for reading what a writer put there. */
export async function zipPart(zip: Uint8Array, name: string): Promise<string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const entryName = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (entryName === name) {
      const method = view.getUint16(at + 10, true);
      const compressed = view.getUint32(at + 20, true);
      const local = view.getUint32(at + 42, true);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = zip.slice(start, start + compressed);
      if (method === 0) return new TextDecoder().decode(data);
      return new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no ${name} in the zip`);
}
