/**
 * Files served as attachments by the server: WeChat's in-app browser blocks
 * downloads made by scripts. One header set for the API and the console's pages.
 */
import type { Context } from 'hono';

export interface DownloadFile {
  /** CSV text, or an .xlsx workbook's bytes. */
  body: string | Uint8Array<ArrayBuffer>;
  filename: string;
}

/** Content-Disposition with a plain-ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const csvHeaders = (filename: string) => ({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(filename) });

/** A CSV file from a Hono handler (keeps headers set earlier, such as no-store). */
export const csvAttachment = (c: Context, file: DownloadFile) => c.body(file.body, 200, csvHeaders(file.filename));

/** A CSV file from an Astro endpoint. */
export const csvDownload = (file: DownloadFile) => new Response(file.body, { headers: csvHeaders(file.filename) });

export const xlsxHeaders = (filename: string) => ({ 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': attachment(filename) });

/** An .xlsx workbook from a Hono handler (keeps headers set earlier, such as no-store). */
export const xlsxAttachment = (c: Context, file: DownloadFile) => c.body(file.body, 200, xlsxHeaders(file.filename));

/** An .xlsx workbook from an Astro endpoint. */
export const xlsxDownload = (file: DownloadFile) => new Response(file.body, { headers: xlsxHeaders(file.filename) });
