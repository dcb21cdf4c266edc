import * as v from 'valibot';
import { CARD_CATEGORIES, GRADE_BANDS } from '../domain/vocabulary';

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
