import * as v from 'valibot';
import {
  CARD_CATEGORIES,
  CARD_MAX_AGE,
  CARD_MIN_AGE,
  CARD_PUBLIC_TEXT_FIELDS,
  CARD_STATUSES,
  CONSENT_METHODS,
  GRADE_BANDS,
  MARKABLE_PRIVACY_KINDS,
  type ConsentMethod,
} from '#worker/vocabulary.ts';
import { beijingDay, isCalendarDay } from '#worker/platform/time.ts';
import { hasVisibleText, printable, printableLines, publicLines, unixLines } from '#worker/platform/input/text-rules.ts';

/**
 * v.check for a type guard, its output typed as what the guard proved. (v.guard
 * would also mark the value untyped on failure, so later checks would not run.)
 */
const checkIs = <TIn, TOut extends TIn>(guard: (input: TIn) => input is TOut, message: string) =>
  v.check(guard, message) as unknown as v.BaseValidation<TIn, TOut, v.CheckIssue<TIn>>;
const isConsentMethod = (m: string | null): m is ConsentMethod | null => m === null || (CONSENT_METHODS as readonly string[]).includes(m);

/** Form fields arrive as strings, JSON as strings or numbers: both become a trimmed string. */
const str = (message: string) => v.pipe(v.union([v.string(), v.number()], message), v.transform(String), v.trim());
/** An optional text: empty becomes null; line breaks only where `lines` says so. */
const optional = (max: number, message: string, lines = false) =>
  v.pipe(
    v.optional(v.nullable(str(message)), null),
    v.transform((s) => s || null),
    v.nullable(v.pipe(v.string(), unixLines, v.maxLength(max, message), lines ? printableLines('这里有不能识别的字符') : printable('这里有不能识别的字符'))),
  );

export const CardFieldsSchema = v.pipe(
  v.object({
    alias: v.pipe(
      str('请填写称呼'),
      v.check(hasVisibleText, '请填写孩子的称呼（小名，不写姓）'),
      v.maxLength(12, '称呼不超过 12 个字'),
      printable('称呼里有不能识别的字符'),
    ),
    age: v.pipe(
      str('请填写年龄'),
      v.nonEmpty('请填写年龄'),
      v.regex(/^\d{1,2}$/, '年龄请填数字，例如 9'),
      v.transform(Number),
      v.minValue(CARD_MIN_AGE, `年龄在 ${CARD_MIN_AGE} 到 ${CARD_MAX_AGE} 岁之间`),
      v.maxValue(CARD_MAX_AGE, `年龄在 ${CARD_MIN_AGE} 到 ${CARD_MAX_AGE} 岁之间`),
    ),
    gradeBand: v.picklist(GRADE_BANDS, '请选择年级段'),
    category: v.picklist(CARD_CATEGORIES, '请选择心愿类别'),
    wish: v.pipe(str('请填写心愿'), unixLines, v.check(hasVisibleText, '请填写孩子的心愿'), v.maxLength(300, '心愿不超过 300 个字'), publicLines('心愿里有不能识别的字符')),
    sizeNote: optional(40, '尺码说明不超过 40 个字'),
    handoutRef: v.pipe(
      str('请填写学校登记编号'),
      v.nonEmpty('请填写学校登记表上的编号'),
      v.maxLength(40, '登记编号不超过 40 个字符'),
      // A register number, never a name: it must carry a digit.
      v.regex(/\d/, '请填写学校登记表上的编号（含数字），不要填孩子的姓名'),
      printable('登记编号里有不能识别的字符'),
    ),
    consentOn: v.pipe(
      optional(10, '日期格式为 2026-11-20'),
      v.check((d) => d === null || isCalendarDay(d), '日期格式为 2026-11-20'),
    ),
    consentMethod: v.pipe(
      optional(10, '请选择监护人同意的方式'),
      checkIs(isConsentMethod, '请选择监护人同意的方式'),
    ),
    notes: optional(500, '备注不超过 500 个字', true),
  }),
  // partialCheck runs even when other fields are wrong, so every message shows at once.
  v.forward(
    v.partialCheck([['consentOn'], ['consentMethod']], (c) => (c.consentOn === null) === (c.consentMethod === null), '同意日期和同意方式要一起填写'),
    ['consentMethod'],
  ),
);
export type CardFields = v.InferOutput<typeof CardFieldsSchema>;

export const WithdrawSchema = v.object({
  reason: v.pipe(str('请填写撤下的原因'), unixLines, v.nonEmpty('请填写撤下的原因'), v.maxLength(200, '原因不超过 200 个字'), printableLines('原因里有不能识别的字符')),
});

export const CardFilterSchema = v.object({
  status: v.optional(v.picklist([...CARD_STATUSES, '']), ''),
  category: v.optional(v.picklist([...CARD_CATEGORIES, '']), ''),
  gradeBand: v.optional(v.picklist([...GRADE_BANDS, '']), ''),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(20), printable('搜索词里有不能识别的字符')), ''),
  /** A campaign's slug; empty means the campaign the console works on. */
  campaign: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{0,40}$/, '活动地址不对')), ''),
  page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1)), '1'),
});
export type CardFilter = v.InferOutput<typeof CardFilterSchema>;

/** Card codes use letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const CARD_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const CardCodeSchema = v.pipe(
  v.string('请填写心愿卡编号'),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-HJKMNP-Z2-9]{4,12}$/, '心愿卡编号由 4 到 12 位字母和数字组成，例如 K7M3Q'),
);

export const CardCodeParamsSchema = v.object({ code: CardCodeSchema });

/** Cards picked by code from a list (bulk publish, school fallback): up to a whole drive at once. */
export const CardCodesSchema = v.object({
  codes: v.pipe(
    v.union([v.string('请至少选一张心愿卡'), v.array(v.string('请至少选一张心愿卡'))], '请至少选一张心愿卡'),
    v.transform((x) => [...new Set((Array.isArray(x) ? x : [x]).map((s) => s.trim().toUpperCase()).filter(Boolean))]),
    v.minLength(1, '请至少选一张心愿卡'),
    v.maxLength(2000, '一次最多 2000 张'),
    v.check((list) => list.every((c) => /^[A-HJKMNP-Z2-9]{4,12}$/.test(c)), '心愿卡编号不对'),
  ),
});
export type CardCodesInput = v.InferOutput<typeof CardCodesSchema>;


/**
 * Review of a card's wording. The coordinator may type the child's real name
 * and the guardians' names: they are checked against the card's words and
 * then forgotten (never stored, sent back, logged or audited).
 */
export const ReviewSchema = v.object({
  realNames: v.optional(
    v.pipe(v.string('请把姓名写成文字'), v.maxLength(200, '姓名一共不超过 200 个字'), printable('姓名里有不能识别的字符')),
    '',
  ),
});
export type ReviewInput = v.InferOutput<typeof ReviewSchema>;

/** A coordinator's judgement that one privacy finding is not personal information, with the reason. */
export const DismissFindingSchema = v.object({
  field: v.picklist(CARD_PUBLIC_TEXT_FIELDS, '请选择要标记的提示'),
  kind: v.picklist(MARKABLE_PRIVACY_KINDS, '电话、证件号、账号和网址不能标记为“不是个人信息”，请删掉或改写'),
  found: v.pipe(v.string('请选择要标记的提示'), v.nonEmpty('请选择要标记的提示'), v.maxLength(300, '请选择要标记的提示')),
  reason: v.pipe(
    v.string('请写明为什么这不是个人信息'),
    unixLines,
    v.trim(),
    v.minLength(2, '请写明为什么这不是个人信息，例如：这是书的作者'),
    v.maxLength(200, '原因不超过 200 个字'),
    printableLines('原因里有不能识别的字符'),
  ),
});
export type DismissFindingInput = v.InferOutput<typeof DismissFindingSchema>;

/** Largest spreadsheet accepted: 2,000 rows fit easily. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** POST /api/admin/import and /import/preview: the file's bytes, base64 (GBK files are not text JSON can carry). */
export const ImportFileSchema = v.object({
  fileBase64: v.pipe(
    v.string('请上传表格文件'),
    v.nonEmpty('请上传表格文件'),
    v.maxLength(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, '文件太大：一次最多 1 MB'),
    v.regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是 base64'),
    // The alphabet alone is not enough: a wrong length ("/", "abcde") cannot be decoded.
    v.check(decodable, '文件内容不是 base64'),
  ),
});

function decodable(b64: string): boolean {
  try {
    atob(b64);
    return true;
  } catch {
    return false;
  }
}

/** The console's import form: a chosen file to preview, or the previewed text (carried back in the form) to import. */
export const ImportFormSchema = v.variant('_action', [
  v.object({ _action: v.literal('import'), text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES, '文件太大：一次最多 1 MB。')) }),
  v.object({
    _action: v.literal('preview'),
    file: v.pipe(
      v.file('请先选择要上传的表格文件（.xlsx 或 CSV）。'),
      v.minSize(1, '请先选择要上传的表格文件（.xlsx 或 CSV）。'),
      v.maxSize(MAX_IMPORT_BYTES, '文件太大：一次最多 1 MB，请分几次导入。'),
    ),
  }),
]);
export type ImportFormInput = v.InferOutput<typeof ImportFormSchema>;

/** The bytes of a base64 text that ImportFileSchema accepted. */
export function base64Bytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Age groups on the wall's filter. */
export const AGE_GROUPS = { '3-6': [3, 6], '7-9': [7, 9], '10-12': [10, 12], '13-16': [13, 16] } as const;
export type AgeGroup = keyof typeof AGE_GROUPS;
export const AGE_GROUP_LABELS: Record<AgeGroup, string> = { '3-6': '6 岁及以下', '7-9': '7–9 岁', '10-12': '10–12 岁', '13-16': '13 岁及以上' };

/** The wall's filters and page: one schema for the page's GET form and GET /api/cards. Unknown values fall back to "all". */
export const WallFilterSchema = v.object({
  category: v.fallback(v.optional(v.picklist([...CARD_CATEGORIES, '']), ''), ''),
  gradeBand: v.fallback(v.optional(v.picklist([...GRADE_BANDS, '']), ''), ''),
  age: v.fallback(v.optional(v.picklist([...(Object.keys(AGE_GROUPS) as AgeGroup[]), '']), ''), ''),
  page: v.fallback(v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1)), '1'), 1),
});
export type WallFilter = v.InferOutput<typeof WallFilterSchema>;

/** The most cards one paper wish tree prints: a few dozen sheets, which a school printer and a browser both manage. */
export const WISH_TREE_MAX_CARDS = 300;

/**
 * The paper wish tree's GET form: the wall's category and grade band, and how many cards (empty
 * means all, up to the cap). A value that does not fit falls back to "all", as on the wall.
 */
export const WishTreeQuerySchema = v.object({
  category: v.fallback(v.optional(v.picklist([...CARD_CATEGORIES, '']), ''), ''),
  gradeBand: v.fallback(v.optional(v.picklist([...GRADE_BANDS, '']), ''), ''),
  count: v.fallback(
    v.optional(
      v.pipe(v.string(), v.trim(), v.regex(/^\d{0,4}$/), v.transform((s) => (s === '' ? WISH_TREE_MAX_CARDS : Math.min(Math.max(Number(s), 1), WISH_TREE_MAX_CARDS)))),
      '',
    ),
    WISH_TREE_MAX_CARDS,
  ),
  /** Which card to start from (1 = the first): a second batch of sheets carries the next cards, not the first again. */
  from: v.fallback(v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\d{0,5}$/), v.transform((s) => Math.max(Number(s || '1'), 1))), ''), 1),
});
export type WishTreeQuery = v.InferOutput<typeof WishTreeQuerySchema>;

/** The review queue's "需要修改": which card, and what to change (a tap with the box left empty says only that). */
export const AskChangesSchema = v.object({
  code: CardCodeSchema,
  note: v.pipe(v.optional(v.pipe(v.string('请写要修改什么'), v.trim()), ''), v.maxLength(200, '不超过 200 个字'), printable('这里有不能识别的字符'), v.transform((s) => s || '审核时要求修改措辞')),
});

/** The review queue's consent on the spot: the day the guardian agreed and how, both required. */
export const QueueConsentSchema = v.object({
  code: CardCodeSchema,
  consentOn: v.pipe(
    v.string('请填写监护人同意的日期'),
    v.trim(),
    v.check(isCalendarDay, '请填写监护人同意的日期，例如 2026-11-20'),
    // A consent on record is one already given: not a day still to come.
    v.check((d) => d <= beijingDay(new Date()), '同意的日期不能晚于今天'),
  ),
  consentMethod: v.picklist(CONSENT_METHODS, '请选择监护人同意的方式'),
});
