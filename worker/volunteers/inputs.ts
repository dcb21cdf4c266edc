import * as v from 'valibot';
import { HELP_TYPES } from '#worker/vocabulary.ts';
import { agreed } from '#worker/platform/input/agreed.ts';
import { printable, printableLines, unixLines, withWords } from '#worker/platform/input/text-rules.ts';

const text = (message: string) => v.pipe(v.string(message), v.trim());

/** A volunteer's sign-up: one schema for the form and POST /api/volunteers. */
export const VolunteerSignupSchema = v.object({
  name: v.pipe(text('请填写姓名'), v.nonEmpty('请填写您的姓名'), v.maxLength(20, '姓名不超过 20 个字'), printable('姓名里有不能识别的字符'), withWords('请用文字写姓名，不能只有表情或符号')),
  mobile: v.pipe(
    text('请填写手机号'),
    v.transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+?86)/, '')),
    v.regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号，例如 13812345678'),
  ),
  email: v.pipe(
    v.optional(text('邮箱格式不对'), ''),
    v.check((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), '邮箱格式不对，例如 name@example.com'),
    v.maxLength(100, '邮箱不超过 100 个字符'),
    printable('邮箱里有不能识别的字符'),
    v.transform((s) => (s ? s.toLowerCase() : null)),
  ),
  town: v.pipe(text('请填写所在镇或区'), v.nonEmpty('请填写您住在哪个镇或区'), v.maxLength(30, '不超过 30 个字'), printable('这里有不能识别的字符'), withWords('请用文字写镇或区的名字，例如 青石镇，不能只有表情或符号')),
  helpTypes: v.pipe(
    v.union([v.array(v.string()), v.string()], '请选择想怎样帮忙'),
    v.transform((x) => [...new Set(Array.isArray(x) ? x : [x])]),
    v.array(v.picklist(HELP_TYPES, '请从列出的方式里选择')),
    v.minLength(1, '请至少选择一种帮忙的方式'),
  ),
  availability: v.pipe(v.optional(text('格式不对'), ''), v.maxLength(100, '有空的时间不超过 100 个字'), printable('这里有不能识别的字符')),
  note: v.pipe(v.optional(text('格式不对'), ''), unixLines, v.maxLength(300, '留言不超过 300 个字'), printableLines('留言里有不能识别的字符')),
  agreeCode: agreed('请阅读并同意儿童保护守则'),
  agreePrivacy: agreed('请阅读并同意隐私说明'),
  /** Honeypot: hidden from people, filled in by simple bots. */
  website: v.optional(v.string(), ''),
});
export type VolunteerSignup = v.InferOutput<typeof VolunteerSignupSchema>;

export const RejectSchema = v.object({
  reason: v.pipe(v.string('请填写原因'), v.trim(), unixLines, v.nonEmpty('请填写原因，志愿者会看到'), v.maxLength(200, '原因不超过 200 个字'), printableLines('原因里有不能识别的字符')),
});

export const VolunteerFilterSchema = v.object({
  status: v.optional(v.picklist(['pending', 'approved', 'rejected', '']), ''),
  /** '1': only volunteers someone signed up again as (a lost link). */
  lostLink: v.optional(v.picklist(['1', '']), ''),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(20), printable('搜索词里有不能识别的字符')), ''),
  page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1)), '1'),
});
export type VolunteerFilter = v.InferOutput<typeof VolunteerFilterSchema>;

export const VolunteerIdSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^\d{1,9}$/, '志愿者编号是数字'), v.transform(Number)),
});
