/**
 * Cards as a CSV file for Excel and WPS, with the coordinator-only record.
 * An export is itself a coordinator action: it is audited.
 */
import type { Db } from '#worker/platform/db/client.ts';
import type { CardFilter } from './inputs';
import { auditInsert } from '#worker/audit/index.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { listConsoleCards } from './console';
import { IMPORT_COLUMNS } from './import';
import { toCsv } from '#worker/platform/csv.ts';
import { CARD_CATEGORY_LABELS, CARD_STATUS_LABELS, CONSENT_METHOD_LABELS, GRADE_BAND_LABELS } from '#worker/vocabulary.ts';

export const MAX_EXPORT_ROWS = 20_000;

export async function exportCardsCsv(db: Db, filter: CardFilter, actorId: number, now = new Date()) {
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
    auditInsert(db, { actorKind: 'coordinator', actorId, action: 'export', subjectKind: 'export', subjectId: null, detail: { what: 'cards', rows: rows.length, filter }, at: now }),
  ]);
  return { filename: `心愿卡-${beijingDay(now)}.csv`, body: toCsv([header, ...rows]), rows: rows.length };
}

/** The import template: the header and one example row. */
export function importTemplateCsv(): string {
  return toCsv([
    IMPORT_COLUMNS.map(([, label]) => label),
    ['小雨', '9', '小学三四年级', '图书', '我想要一本讲恐龙的书', '', '2026-登记-012', '2026-11-18', '纸质回执', ''],
  ]);
}
