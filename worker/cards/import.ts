import { eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import * as v from 'valibot';
import type { Db } from '#worker/platform/db/client.ts';
import { uniqueFailed } from '#worker/platform/db/constraints.ts';
import { insertSelect } from '#worker/platform/db/insert-select.ts';
import { cardPrivate, cards } from '#worker/platform/db/schema.ts';
import { CardFieldsSchema, type CardFields } from './inputs';
import { auditInsert } from '#worker/audit/index.ts';
import { newCardCode } from './code';
import { cardFailure, type CardFailure } from './failures';
import { checkCardPrivacy, type PrivacyContext } from '#worker/privacy/index.ts';
import { CARD_CATEGORY_LABELS, CONSENT_METHOD_LABELS, GRADE_BAND_LABELS } from '#worker/vocabulary.ts';
import { privacyContext } from './console';
import { campaignForNewCards } from '#worker/campaigns/current.ts';
import { decodeSpreadsheet, rowsAsPlainCsv } from '#worker/platform/csv.ts';
import { oleFileMessage, readXlsx, type SheetRow } from '#worker/platform/xlsx.ts';
import { looksLikeZip } from '#worker/platform/zip.ts';

/**
 * Wish cards from a class teacher's spreadsheet: an .xlsx workbook as Excel and
 * WPS save it, or CSV in UTF-8 or GBK; both become rows of text and go through
 * the same checks. A preview reports every row
 * (line, field, what is wrong) and writes nothing; the import re-checks the
 * same rows and writes the valid ones as drafts in one D1 batch. A column that
 * holds children's names or contacts refuses the whole file: nothing of it is
 * kept. Rows whose school register number already has a card are skipped, so
 * importing the same file twice adds nothing.
 */

export const MAX_IMPORT_ROWS = 2000;

/** The template's example row, in the columns' order: the import refuses it if it is left in the file. */
export const TEMPLATE_EXAMPLE = ['小雨', '9', '小学三四年级', '图书', '我想要一本讲恐龙的书', '', '示例-登记-012', '2026-11-18', '纸质回执', '示例行，导入前请删掉'] as const;

/** The template's columns, in order, and the field each fills. */
export const IMPORT_COLUMNS = [
  ['alias', '称呼'],
  ['age', '年龄'],
  ['gradeBand', '年级段'],
  ['category', '类别'],
  ['wish', '心愿'],
  ['sizeNote', '尺码说明'],
  ['handoutRef', '学校登记编号'],
  ['consentOn', '监护人同意日期'],
  ['consentMethod', '同意方式'],
  ['notes', '备注'],
] as const satisfies readonly (readonly [keyof CardFields, string])[];
type Field = (typeof IMPORT_COLUMNS)[number][0];

const norm = (s: string) => s.replace(/[\s\uFEFF（）()：:]/g, '').toLowerCase();
const HEADERS = new Map<string, Field>([
  ...IMPORT_COLUMNS.flatMap(([field, label]) => [[norm(label), field], [norm(field), field]] as [string, Field][]),
  ...(
    [
      ['小名', 'alias'], ['昵称', 'alias'], ['年级', 'gradeBand'], ['心愿类别', 'category'], ['心愿内容', 'wish'],
      ['尺码', 'sizeNote'], ['登记编号', 'handoutRef'], ['编号', 'handoutRef'], ['同意日期', 'consentOn'], ['同意形式', 'consentMethod'],
      ['监护人同意的日期', 'consentOn'], ['监护人同意方式', 'consentMethod'], ['监护人同意的方式', 'consentMethod'], ['同意的方式', 'consentMethod'],
    ] as [string, Field][]
  ).map(([h, f]) => [norm(h), f] as [string, Field]),
]);
/** Headers that name a child's identity or a family's contacts: never accepted. */
const FORBIDDEN_HEADER = /姓名|名字|真名|姓氏|班级|班主任|电话|手机|联系|微信|qq|住址|地址|家庭|村|身份证|证件|照片|相片|家长|监护人(?!同意)|父|母|爸|妈|健康|疾病|name|phone|mobile|tel|class|address|guardian|parent|photo|id ?card|wechat/i;

const YEARS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
const BAND_OF_YEAR = ['lower_primary', 'lower_primary', 'middle_primary', 'middle_primary', 'upper_primary', 'upper_primary', 'junior_high', 'junior_high', 'junior_high'];
/** 一年级 … 九年级, 1年级 … 9年级, 初一 … 初三, 学前班: the grade band each belongs to. */
const GRADE_WORDS: [string, string][] = [
  ...YEARS.flatMap((y, i) => [[`${y}年级`, BAND_OF_YEAR[i]!], [`${i + 1}年级`, BAND_OF_YEAR[i]!], [`小学${y}年级`, BAND_OF_YEAR[i]!]] as [string, string][]),
  ['初一', 'junior_high'], ['初二', 'junior_high'], ['初三', 'junior_high'], ['初中', 'junior_high'],
  ['学前班', 'preschool'], ['大班', 'preschool'], ['中班', 'preschool'], ['小班', 'preschool'],
];

/** What a refused value could have been, said in the words a teacher would write. */
const ALLOWED: Partial<Record<Field, string>> = {
  gradeBand: `可以写：${Object.values(GRADE_BAND_LABELS).join('、')}，或者 一年级 到 六年级、初一 到 初三、七年级 到 九年级、学前班、幼儿园`,
  category: `可以写：${Object.values(CARD_CATEGORY_LABELS).join('、')}`,
  consentMethod: `可以写：${Object.values(CONSENT_METHOD_LABELS).join('、')}，或者 回执、签字、电话同意`,
};

const valueMaps: Partial<Record<Field, Map<string, string>>> = {
  gradeBand: new Map([
    ...Object.entries(GRADE_BAND_LABELS).flatMap(([k, label]) => [[norm(label), k], [norm(k), k]]),
    ['幼儿园', 'preschool'], ['一二年级', 'lower_primary'], ['三四年级', 'middle_primary'], ['五六年级', 'upper_primary'],
    // What class teachers write: the year itself, in words or digits, primary and junior high.
    ...GRADE_WORDS,
  ] as [string, string][]),
  category: new Map([
    ...Object.entries(CARD_CATEGORY_LABELS).flatMap(([k, label]) => [[norm(label), k], [norm(k), k]]),
    ['文具', 'stationery'], ['书', 'books'], ['衣服', 'clothing'], ['陪伴', 'companionship'], ['心愿活动', 'companionship'],
  ] as [string, string][]),
  consentMethod: new Map([
    ...Object.entries(CONSENT_METHOD_LABELS).flatMap(([k, label]) => [[norm(label), k], [norm(k), k]]),
    ['回执', 'paper'], ['纸质', 'paper'], ['电话', 'phone'],
    ['回执单', 'paper'], ['纸质回执单', 'paper'], ['书面', 'paper'], ['书面同意', 'paper'], ['签字', 'paper'], ['家长签字', 'paper'], ['监护人签字', 'paper'], ['签名', 'paper'],
    ['电话同意', 'phone'], ['电话联系', 'phone'], ['打电话', 'phone'], ['电话告知', 'phone'],
  ] as [string, string][]),
};

/** Dates as spreadsheets write them: 2026-11-18, 2026/11/18, 2026.11.18, 2026年11月18日. */
function normaliseDate(raw: string): string {
  const m = raw.trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : raw.trim();
}

export interface RowReport {
  /** The line in the file (the header is line 1). */
  line: number;
  /** What the row holds, by the template's column names, as typed: shown beside its errors. */
  values: Record<string, string>;
  errors: { field: string; message: string }[];
  /** Privacy findings: the row imports as a draft, but cannot be published until rewritten. */
  warnings: string[];
  duplicate: boolean;
  card?: CardFields;
}

export interface SheetReport {
  /** Set when the whole file is refused. */
  refused?: string;
  ignoredColumns: string[];
  rows: RowReport[];
  importable: number;
}

const LABEL_OF = Object.fromEntries(IMPORT_COLUMNS) as Record<Field, string>;

/** The rows of a CSV text, each with its line as a spreadsheet shows it (the header is line 1); blank rows left out. */
export function csvRows(text: string): SheetRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  return parsed.data.map((cells, i) => ({ line: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** Checks every row of a spreadsheet's CSV text against the card rules. Writes nothing. */
export function checkSheet(text: string, ctx: PrivacyContext, existingRefs: ReadonlySet<string>): SheetReport {
  return checkRows(csvRows(text), ctx, existingRefs);
}

/** Checks every row of a sheet (CSV or .xlsx) against the card rules: the first row is the header. Writes nothing. */
export function checkRows(sheet: readonly SheetRow[], ctx: PrivacyContext, existingRefs: ReadonlySet<string>): SheetReport {
  const [first, ...body] = sheet;
  const header = first?.cells ?? [];
  const empty = { ignoredColumns: [], rows: [], importable: 0 };
  if (header.length === 0) return { ...empty, refused: '文件是空的，请用模板填写后再上传。' };
  const forbidden = header.filter((h) => !HEADERS.has(norm(h)) && FORBIDDEN_HEADER.test(h));
  if (forbidden.length) {
    return {
      ...empty,
      refused: `表格里有“${forbidden.join('”“')}”这样的列。孩子的真实姓名、班级、住址和家人的联系方式不能上传到网站：请删掉这些列，再导入。这份文件没有保存任何内容。`,
    };
  }
  const columns = header.map((h) => HEADERS.get(norm(h)));
  const missing = IMPORT_COLUMNS.filter(([f]) => ['alias', 'age', 'gradeBand', 'category', 'wish', 'handoutRef'].includes(f) && !columns.includes(f));
  if (missing.length) return { ...empty, refused: `缺少这些列：${missing.map(([, l]) => l).join('、')}。请用模板的表头。` };
  if (body.length > MAX_IMPORT_ROWS) return { ...empty, refused: `一次最多导入 ${MAX_IMPORT_ROWS} 行，这份文件有 ${body.length} 行，请分几次导入。` };

  const seen = new Set<string>();
  const rows = body.map(({ cells, line }): RowReport => {
    const raw: Record<string, string> = {};
    columns.forEach((field, c) => {
      if (field) raw[field] = (cells[c] ?? '').trim();
    });
    const values = Object.fromEntries(IMPORT_COLUMNS.filter(([f]) => raw[f]).map(([f, label]) => [label, raw[f]!.slice(0, 200)]));
    for (const [field, map] of Object.entries(valueMaps)) {
      const value = raw[field];
      if (value) raw[field] = map.get(norm(value)) ?? value;
    }
    if (raw.consentOn) raw.consentOn = normaliseDate(raw.consentOn);
    const result = v.safeParse(CardFieldsSchema, raw);
    if (!result.success) {
      const errors = result.issues.map((issue) => {
        const field = (v.getDotPath(issue) ?? '') as Field;
        const allowed = ALLOWED[field] && raw[field] ? `（${ALLOWED[field]}）` : '';
        return { field: LABEL_OF[field] ?? field, message: issue.message + allowed };
      });
      return { line, values, errors, warnings: [], duplicate: false };
    }
    const card = result.output;
    // The template's example row, left in by a busy teacher, is no child's wish.
    if (card.handoutRef === TEMPLATE_EXAMPLE[6]) {
      return { line, values, errors: [{ field: LABEL_OF.handoutRef, message: '这是模板里的示例行，不是孩子的心愿：请删掉这一行' }], warnings: [], duplicate: false };
    }
    // The coordinator-only note must not carry contacts either.
    if (card.notes && /\d{7,}/.test(card.notes.replace(/[\s-]/g, ''))) {
      return { line, values, errors: [{ field: '备注', message: '备注里像是电话或证件号码，请删掉' }], warnings: [], duplicate: false };
    }
    const duplicate = existingRefs.has(card.handoutRef) || seen.has(card.handoutRef);
    seen.add(card.handoutRef);
    const warnings = checkCardPrivacy(card, ctx).map((f) => f.message);
    return { line, values, errors: [], warnings, duplicate, card };
  });
  return { ignoredColumns: header.filter((_, c) => !columns[c]), rows, importable: rows.filter((r) => r.card && !r.duplicate).length };
}

/** School register numbers that already have a card in the campaign. */
export async function existingHandoutRefs(db: Db, campaignId: number): Promise<Set<string>> {
  const rows = await db.select({ ref: cardPrivate.handoutRef }).from(cardPrivate).where(eq(cardPrivate.campaignId, campaignId));
  return new Set(rows.map((r) => r.ref));
}

/**
 * Imports the valid, new rows as drafts: two INSERT … SELECT statements over a
 * JSON array (one bound parameter, whatever the row count) and the audit row,
 * in one batch.
 */
export async function importSheet(db: Db, campaignId: number, report: SheetReport, actorId: number, now = new Date()): Promise<{ created: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await writeRows(db, campaignId, report, actorId, now);
    } catch (err) {
      // A fresh code that happened to be taken: the batch wrote nothing; draw new codes.
      if (!uniqueFailed(err, cards.code) || attempt >= 2) throw err;
    }
  }
}

async function writeRows(db: Db, campaignId: number, report: SheetReport, actorId: number, now: Date) {
  const rows = report.rows.filter((r): r is RowReport & { card: CardFields } => !!r.card && !r.duplicate);
  if (rows.length === 0) return { created: 0 };
  const codes = new Set<string>();
  while (codes.size < rows.length) codes.add(newCardCode());
  const payload = JSON.stringify(rows.map((r, i) => ({ ...r.card, code: [...codes][i] })));
  const j = (key: string) => sql.raw(`json_extract(j.value, '$.${key}')`);
  await db.batch([
    insertSelect(
      db,
      cards,
      {
        campaignId,
        code: j('code'),
        alias: j('alias'),
        age: j('age'),
        gradeBand: j('gradeBand'),
        category: j('category'),
        wish: j('wish'),
        sizeNote: j('sizeNote'),
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      },
      sql`FROM json_each(${payload}) AS j`,
    ),
    insertSelect(
      db,
      cardPrivate,
      { cardId: sql`c.id`, campaignId, handoutRef: j('handoutRef'), consentOn: j('consentOn'), consentMethod: j('consentMethod'), notes: sql`coalesce(${j('notes')}, '')` },
      sql`FROM json_each(${payload}) AS j JOIN cards AS c ON c.code = ${j('code')}`,
    ),
    auditInsert(db, {
      actorKind: 'coordinator',
      actorId,
      action: 'card.import',
      subjectKind: 'campaign',
      subjectId: campaignId,
      detail: { created: rows.length, skippedDuplicates: report.rows.filter((r) => r.duplicate).length, invalid: report.rows.filter((r) => !r.card).length },
      at: now,
    }),
  ]);
  return { created: rows.length };
}

/**
 * `encoding`: utf-8 or gb18030 for CSV, xlsx for a workbook. `text`: the rows as CSV text, which the
 * preview page carries back to the import (a workbook's rows too, so no file is kept in between).
 */
export type ImportOutcome = { ok: true; report: SheetReport; encoding: string; created: number; text: string } | CardFailure;

type Upload = { ok: true; rows: SheetRow[]; encoding: string; text: string } | { ok: false; message: string };

/** The rows of an uploaded file, told apart by its first bytes (a file's name says nothing): .xlsx, or CSV text. */
export async function readUpload(bytes: Uint8Array): Promise<Upload> {
  const old = oleFileMessage(bytes);
  if (old) return { ok: false, message: old };
  if (looksLikeZip(bytes)) {
    const sheet = await readXlsx(bytes);
    return sheet.ok ? { ok: true, rows: sheet.rows, encoding: 'xlsx', text: rowsAsPlainCsv(sheet.rows.map((r) => r.cells)) } : sheet;
  }
  const { text, encoding } = decodeSpreadsheet(bytes);
  return { ok: true, rows: csvRows(text), encoding, text };
}

/** The import as pages and API run it: read the file, check it against the campaign; with `write`, also import its valid new rows. */
export async function runImport(db: Db, bytes: Uint8Array, actorId: number, write: boolean): Promise<ImportOutcome> {
  const campaign = await campaignForNewCards(db);
  if (!campaign) return cardFailure('import_no_campaign');
  const upload = await readUpload(bytes);
  if (!upload.ok) return cardFailure('file_refused', { message: upload.message });
  const { text, encoding } = upload;
  const report = checkRows(upload.rows, await privacyContext(db), await existingHandoutRefs(db, campaign.id));
  if (report.refused) return cardFailure('file_refused', { message: report.refused });
  const created = write ? (await importSheet(db, campaign.id, report, actorId)).created : 0;
  return { ok: true, report, encoding, created, text };
}
