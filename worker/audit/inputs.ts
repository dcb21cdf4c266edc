import * as v from 'valibot';
import { printable } from '#worker/platform/input/text-rules.ts';
import { AUDIT_SUBJECT_KINDS } from '#worker/vocabulary.ts';

export const AuditFilterSchema = v.object({
  action: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[a-z._]{0,40}$/, '操作名称只含小写字母、点和下划线')), ''),
  subjectKind: v.optional(v.picklist(['', ...AUDIT_SUBJECT_KINDS]), ''),
  actor: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(64), printable('用户名里有不能识别的字符')), ''),
  page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1)), '1'),
});
export type AuditFilter = v.InferOutput<typeof AuditFilterSchema>;
