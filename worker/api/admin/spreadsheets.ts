import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { base64Bytes, CardFilterSchema, exportCards, ImportFileSchema, importTemplate, runImport } from '#worker/cards/index.ts';
import { csvAttachment, xlsxAttachment } from '#worker/platform/http/attachment.ts';
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

adminSpreadsheets.get('/import/template.csv', (c) => csvAttachment(c, importTemplate('csv')));
adminSpreadsheets.get('/import/template.xlsx', (c) => xlsxAttachment(c, importTemplate('xlsx')));

adminSpreadsheets.get('/export/cards.csv', vValidator('query', CardFilterSchema, onInvalid), async (c) =>
  csvAttachment(c, await exportCards(c.var.db, c.req.valid('query'), c.var.session.coordinatorId, 'csv')),
);

adminSpreadsheets.get('/export/cards.xlsx', vValidator('query', CardFilterSchema, onInvalid), async (c) =>
  xlsxAttachment(c, await exportCards(c.var.db, c.req.valid('query'), c.var.session.coordinatorId, 'xlsx')),
);
