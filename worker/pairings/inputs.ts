/** Every pairing input, one valibot schema each, serving the forms and the API alike. */
import * as v from 'valibot';
import { isCalendarDay } from '#worker/platform/time.ts';
import { CADENCES } from './cadence';
import { agreed } from '#worker/platform/input/agreed.ts';
import { printable } from '#worker/platform/input/text-rules.ts';
import {
  CONSENT_METHODS,
  CONTACT_KINDS,
  ESCORT_ROLES,
  GRADE_BANDS,
  PAIRING_END_REASONS,
  PAIRING_FREQUENCIES,
  PAIRING_KINDS,
  PAIRING_STATUSES,
} from '#worker/vocabulary.ts';

/** Form fields arrive as strings, JSON as strings or numbers: both become a trimmed string. */
const str = (message: string) => v.pipe(v.union([v.string(), v.number()], message), v.transform(String), v.trim());
const day = (message: string) => v.pipe(str(message), v.check(isCalendarDay, `${message}，格式为 2026-11-20`));
/** An id in a path or a form field: digits only. */
const id = (message: string) => v.pipe(str(message), v.regex(/^\d{1,9}$/, message), v.transform(Number));

export const PairingIdSchema = id('结对编号是数字');
export const ChildIdSchema = id('孩子的记录编号是数字');
export const ContactIdSchema = id('联系记录的编号是数字');

/** A volunteer's offer to pair, from their private page. */
export const PairingOfferSchema = v.object({
  kind: v.picklist(PAIRING_KINDS, '请选择结对的方式'),
  // Empty: any grade band.
  preferredGradeBand: v.pipe(
    v.optional(v.union([v.literal(''), v.null(), v.picklist(GRADE_BANDS)], '请从列出的年级段里选择'), ''),
    v.transform((g) => g || null),
  ),
  frequency: v.picklist(PAIRING_FREQUENCIES, '请选择您多久能来一次'),
  agreeConduct: agreed('请阅读并同意结对守则'),
});
export type PairingOffer = v.InferOutput<typeof PairingOfferSchema>;

/** A child in a pairing, as the school knows them: register reference, alias, grade band. */
export const PairingChildSchema = v.object({
  registerRef: v.pipe(
    str('请填写学校登记编号'),
    v.nonEmpty('请填写学校登记表上的编号'),
    v.maxLength(20, '登记编号不超过 20 个字符'),
    // A code, never words: letters, digits and separators only, with a digit. Nothing about the child fits in it.
    v.regex(/^(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-_/.]*$/, '学校登记编号只写字母、数字和“-”，例如 2024-031；不要写孩子的姓名或情况'),
  ),
  // A 小名 is two or three characters: four at most leaves no room to describe a child or a family.
  alias: v.pipe(
    str('请填写称呼'),
    v.nonEmpty('请填写孩子的称呼（小名，不写姓）'),
    v.maxLength(4, '称呼是孩子的小名，不超过 4 个字，例如 小雨'),
    v.regex(/^[^\d\s\p{P}]+$/u, '称呼只写小名，不带数字、空格或标点'),
    printable('称呼里有不能识别的字符'),
  ),
  gradeBand: v.picklist(GRADE_BANDS, '请选择年级段'),
});
export type PairingChildInput = v.InferOutput<typeof PairingChildSchema>;

/** A coordinator matches an offer to a child. */
export const ProposeSchema = v.object({ child: ChildIdSchema });

/** What must be on record before a pairing starts (no document is stored, only dates and who). */
export const SafeguardsSchema = v.object({
  consentOn: day('请填写监护人同意的日期'),
  consentMethod: v.picklist(CONSENT_METHODS, '请选择监护人同意的方式'),
  recordCheckedOn: day('请填写查询记录的日期'),
});
export type Safeguards = v.InferOutput<typeof SafeguardsSchema>;

export const EndPairingSchema = v.object({ reason: v.picklist(PAIRING_END_REASONS, '请选择结束的原因') });

/** One contact's fields: no free text about the child, by design. */
const contactEntries = {
    on: day('请填写联系的日期'),
    kind: v.picklist(CONTACT_KINDS, '请选择联系的方式'),
    minutes: v.pipe(str('请填写大约多少分钟'), v.regex(/^\d{1,3}$/, '分钟请填数字，例如 30'), v.transform(Number), v.minValue(1, '至少 1 分钟'), v.maxValue(600, '不超过 600 分钟')),
    escort: v.pipe(
      v.optional(v.union([v.literal(''), v.null(), v.picklist(ESCORT_ROLES)], '请选择陪同家访的人'), ''),
      v.transform((e) => e || null),
    ),
    callMe: v.pipe(
      v.optional(v.union([v.boolean(), v.string()]), false),
      v.transform((x) => x === true || x === 'on' || x === 'true'),
    ),
};
// Home visits are never alone; other contacts name no escort.
const escorted = (c: { kind: string; escort: string | null }) => (c.kind === 'home_visit') === (c.escort !== null);
const ESCORT_MESSAGE = '家访一定要有老师或村干部陪同：请选择陪同的人（别的联系方式不用选）';

/** One contact, as the API takes it (the pairing is in the path). */
export const ContactSchema = v.pipe(v.object(contactEntries), v.forward(v.partialCheck([['kind'], ['escort']], escorted, ESCORT_MESSAGE), ['escort']));
export type ContactInput = v.InferOutput<typeof ContactSchema>;

/** The same contact from the volunteer's page, which names the pairing (a volunteer may have two). */
export const ContactFormSchema = v.pipe(
  v.object({ pairing: PairingIdSchema, ...contactEntries }),
  v.forward(v.partialCheck([['kind'], ['escort']], escorted, ESCORT_MESSAGE), ['escort']),
);

/** Which of the volunteer's pairings a one-button form acts on. */
export const PairingFormSchema = v.object({ pairing: PairingIdSchema });

/** Which pairings the console lists (`?status=&overdue=1&flagged=1`). */
export const PairingFilterSchema = v.object({
  status: v.optional(v.picklist([...PAIRING_STATUSES, ''], '状态不认识'), ''),
  overdue: v.optional(v.pipe(v.picklist(['1', '']), v.transform((x) => x === '1')), ''),
  flagged: v.optional(v.pipe(v.picklist(['1', '']), v.transform((x) => x === '1')), ''),
});

export const PairingIdParamsSchema = v.object({ id: PairingIdSchema });
export const ContactIdParamsSchema = v.object({ id: ContactIdSchema });

/** Which term a record is for (`?term=` its first day); none: the current term. */
export const TermQuerySchema = v.object({ term: v.optional(v.pipe(v.string(), v.check((s) => s === '' || isCalendarDay(s), '学期的开始日期格式为 2026-09-01')), '') });

/** One term per line: "2026 年秋季学期, 2026-09-01, 2027-01-31" (commas Chinese or not). */
function parseTerms(text: string): { name: string; startsOn: string; endsOn: string }[] | string {
  const terms = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const [name = '', startsOn = '', endsOn = ''] = line.split(/[,，、]/).map((s) => s.trim());
    if (!name || !isCalendarDay(startsOn) || !isCalendarDay(endsOn)) return `第 ${i + 1} 行要写成“学期名称, 开始日期, 结束日期”，例如 2026 年秋季学期, 2026-09-01, 2027-01-31`;
    if (startsOn > endsOn) return `第 ${i + 1} 行的开始日期晚于结束日期`;
    terms.push({ name: name.slice(0, 30), startsOn, endsOn });
  }
  return terms;
}

/** The school's pairing settings: the cap, how often each contact is due, the terms. */
export const PairingSettingsSchema = v.object({
  pairingCap: v.pipe(str('请填写每位志愿者最多结对几个孩子'), v.regex(/^\d{1,2}$/, '请填 1 到 5 的数字'), v.transform(Number), v.minValue(1, '请填 1 到 5 的数字'), v.maxValue(5, '请填 1 到 5 的数字')),
  ...Object.fromEntries(CONTACT_KINDS.map((k) => [`plan_${k}`, v.picklist(CADENCES, '请从列出的频率里选择')])) as Record<`plan_${(typeof CONTACT_KINDS)[number]}`, v.PicklistSchema<typeof CADENCES, string>>,
  terms: v.pipe(
    v.optional(v.string(), ''),
    v.maxLength(2000, '学期太多了'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const parsed = parseTerms(dataset.value);
      if (typeof parsed === 'string') {
        addIssue({ message: parsed });
        return NEVER;
      }
      return parsed;
    }),
  ),
});
export type PairingSettingsInput = v.InferOutput<typeof PairingSettingsSchema>;
