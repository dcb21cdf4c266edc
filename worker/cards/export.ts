/**
 * Cards as a spreadsheet (an .xlsx workbook, or CSV) for Excel and WPS, with the
 * coordinator-only record. An export is itself a coordinator action: it is audited.
 */
import type { Db } from '#worker/platform/db/client.ts';
import type { CardFilter } from './inputs';
import { auditInsert } from '#worker/audit/index.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { listConsoleCards } from './console';
import { IMPORT_COLUMNS, TEMPLATE_EXAMPLE } from './import';
import { exportFile, type ExportedFile, type ExportFormat } from '#worker/platform/export-file.ts';
import { CARD_CATEGORY_LABELS, CARD_STATUS_LABELS, CONSENT_METHOD_LABELS, GRADE_BAND_LABELS } from '#worker/vocabulary.ts';

export const MAX_EXPORT_ROWS = 20_000;

export async function exportCards<F extends ExportFormat>(db: Db, filter: CardFilter, actorId: number, format: F, now = new Date()): Promise<ExportedFile<F> & { rows: number }> {
  const { cards } = await listConsoleCards(db, { ...filter, page: 1 }, MAX_EXPORT_ROWS);
  // The import template's columns first, so an export can be edited and imported into a new campaign.
  const header = ['编号', ...IMPORT_COLUMNS.map(([, label]) => label), '状态', '发布日期'];
  const rows = cards.map((c) => [
    c.code,
    c.alias,
    String(c.age),
    GRADE_BAND_LABELS[c.gradeBand],
    CARD_CATEGORY_LABELS[c.category],
    c.wish,
    c.sizeNote ?? '',
    c.handoutRef,
    c.consentOn ?? '',
    c.consentMethod ? CONSENT_METHOD_LABELS[c.consentMethod] : '',
    c.notes,
    CARD_STATUS_LABELS[c.status],
    c.publishedAt ? beijingDay(c.publishedAt) : '',
  ]);
  await db.batch([
    auditInsert(db, { actorKind: 'coordinator', actorId, action: 'export', subjectKind: 'export', subjectId: null, detail: { what: 'cards', format, rows: rows.length, filter }, at: now }),
  ]);
  // Age is a count (a number cell); the register number stays text, leading zeros and all.
  return { ...exportFile({ name: '心愿卡', filename: `心愿卡-${beijingDay(now)}`, header, rows, numberColumns: [2] }, format), rows: rows.length };
}

/** How many typed rows of the .xlsx template are formatted as text before anyone types in them. */
const TEMPLATE_TEXT_ROWS = 500;

/** The import template: the header and one example row; as .xlsx, empty text rows to type into. */
export function importTemplate<F extends ExportFormat>(format: F): ExportedFile<F> {
  const header = IMPORT_COLUMNS.map(([, label]) => label);
  return exportFile({ name: '心愿卡', filename: '心愿卡导入模板', header, rows: [[...TEMPLATE_EXAMPLE]], blankTextRows: TEMPLATE_TEXT_ROWS }, format);
}
