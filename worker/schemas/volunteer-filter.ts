import * as v from 'valibot';
import { printable } from './text-rules';

export const VolunteerFilterSchema = v.object({
  status: v.optional(v.picklist(['pending', 'approved', 'rejected', '']), ''),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(20), printable('搜索词里有不能识别的字符')), ''),
  page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1)), '1'),
});
export type VolunteerFilter = v.InferOutput<typeof VolunteerFilterSchema>;

export const VolunteerIdSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^\d{1,9}$/, '志愿者编号是数字'), v.transform(Number)),
});
