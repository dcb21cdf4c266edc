import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { getDb } from '#worker/platform/db/client.ts';
import { attachment, exportCardsCsv, importTemplateCsv } from '#worker/cards/index.ts';
import { runImport } from '#worker/cards/index.ts';
import { CardFilterSchema } from '#worker/cards/index.ts';
import { base64Bytes, ImportFileSchema } from '#worker/cards/index.ts';
import { apiError, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** Spreadsheet import and export: /api/admin/import…, /api/admin/export… */
export const adminSpreadsheets = new Hono<AdminEnv>();

const CSV = 'text/csv; charset=utf-8';

for (const [path, write] of [['/import/preview', false], ['/import', true]] as const) {
  adminSpreadsheets.post(path, vValidator('json', ImportFileSchema, onInvalid), async (c) => {
    const outcome = await runImport(getDb(c.env.DB), base64Bytes(c.req.valid('json').fileBase64), c.var.session.coordinatorId, write);
    if (!outcome.ok) return apiError(c, 422, 'file_refused', outcome.message);
    const { report, encoding, created } = outcome;
    return c.json({ encoding, created, importable: report.importable, ignoredColumns: report.ignoredColumns, rows: report.rows.map(({ card: _card, ...row }) => row) });
  });
}

adminSpreadsheets.get('/import/template.csv', (c) =>
  c.body(importTemplateCsv(), 200, { 'Content-Type': CSV, 'Content-Disposition': attachment('心愿卡导入模板.csv') }),
);

adminSpreadsheets.get('/export/cards.csv', vValidator('query', CardFilterSchema, onInvalid), async (c) => {
  const file = await exportCardsCsv(getDb(c.env.DB), c.req.valid('query'), c.var.session.coordinatorId);
  return c.body(file.body, 200, { 'Content-Type': CSV, 'Content-Disposition': attachment(file.filename) });
});
