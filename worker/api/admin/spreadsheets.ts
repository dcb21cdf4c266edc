import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { base64Bytes, CardFilterSchema, exportCardsCsv, ImportFileSchema, importTemplateCsv, runImport } from '#worker/cards/index.ts';
import { csvAttachment } from '#worker/platform/http/attachment.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** Spreadsheet import and export: /api/admin/import…, /api/admin/export… */
export const adminSpreadsheets = new Hono<AdminEnv>();

for (const [path, write] of [['/import/preview', false], ['/import', true]] as const) {
  adminSpreadsheets.post(path, vValidator('json', ImportFileSchema, onInvalid), async (c) => {
    const outcome = await runImport(c.var.db, base64Bytes(c.req.valid('json').fileBase64), c.var.session.coordinatorId, write);
    if (!outcome.ok) return apiFailure(c, outcome);
    const { report, encoding, created } = outcome;
    return c.json({ encoding, created, importable: report.importable, ignoredColumns: report.ignoredColumns, rows: report.rows.map(({ card: _card, ...row }) => row) });
  });
}

adminSpreadsheets.get('/import/template.csv', (c) => csvAttachment(c, { body: importTemplateCsv(), filename: '心愿卡导入模板.csv' }));

adminSpreadsheets.get('/export/cards.csv', vValidator('query', CardFilterSchema, onInvalid), async (c) =>
  csvAttachment(c, await exportCardsCsv(c.var.db, c.req.valid('query'), c.var.session.coordinatorId)),
);
