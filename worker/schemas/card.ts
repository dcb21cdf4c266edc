import * as v from 'valibot';
import { CARD_CATEGORIES, CARD_MAX_AGE, CARD_MIN_AGE, CONSENT_METHODS, GRADE_BANDS } from '../domain/vocabulary';
import { isCalendarDay } from '../domain/dates';
import { hasVisibleText, printable, printableLines, publicLines, unixLines } from './text-rules';

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
      v.check((m) => m === null || (CONSENT_METHODS as readonly string[]).includes(m), '请选择监护人同意的方式'),
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
  status: v.optional(v.picklist(['draft', 'open', 'claimed', 'fulfilled', 'withdrawn', '']), ''),
  category: v.optional(v.picklist([...CARD_CATEGORIES, '']), ''),
  gradeBand: v.optional(v.picklist([...GRADE_BANDS, '']), ''),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(20), printable('搜索词里有不能识别的字符')), ''),
  page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1)), '1'),
});
export type CardFilter = v.InferOutput<typeof CardFilterSchema>;
