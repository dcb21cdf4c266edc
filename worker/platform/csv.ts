/**
 * Spreadsheet files as Chinese Excel and WPS save them: UTF-8 with or without
 * a BOM, or GBK/GB18030 (Excel's default "CSV" in Chinese Windows). workerd's
 * TextDecoder knows GB18030, so no library is needed.
 */
export function decodeSpreadsheet(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: GB18030 is a superset of GBK and GB2312.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV for Excel and WPS: UTF-8 with a BOM (so Chinese opens intact), CRLF lines, every cell quoted when needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => {
    const safe = neutraliseCell(v);
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Rows as CSV text exactly as they are (no BOM, no formula guard, every cell quoted, a blank
 * line for a blank row): for carrying an uploaded sheet's rows from the import preview to the
 * import, never for opening in a spreadsheet.
 */
export function rowsAsPlainCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\r\n');
}
