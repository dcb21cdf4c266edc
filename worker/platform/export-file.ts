/**
 * One table, two files: every export builds its rows once and is offered as CSV and as an .xlsx
 * workbook from the same rows, so the two never say different things. The .xlsx is the one for
 * Excel and WPS: its text cells keep leading zeros and long numbers, which Excel takes out of a
 * CSV (docs/decisions/016).
 */
import { toCsv } from './csv';
import type { DownloadFile } from './http/attachment';
import { writeXlsx, type XlsxSheet } from './xlsx';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportTable extends XlsxSheet {
  /** The file's name without its extension, such as 心愿卡-2026-11-25. */
  filename: string;
}

/** The file of one format: CSV text, or a workbook's bytes. */
export type ExportedFile<F extends ExportFormat> = DownloadFile & { body: F extends 'xlsx' ? Uint8Array<ArrayBuffer> : string };

export function exportFile<F extends ExportFormat>(table: ExportTable, format: F): ExportedFile<F> {
  const file: DownloadFile =
    format === 'xlsx'
      ? { filename: `${table.filename}.xlsx`, body: writeXlsx(table) }
      : { filename: `${table.filename}.csv`, body: toCsv([...(table.preface ?? []), table.header, ...table.rows]) };
  return file as ExportedFile<F>;
}
