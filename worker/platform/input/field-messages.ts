import * as v from 'valibot';

/** Field name → the first Chinese message for it, from a failed valibot parse. Shared by forms and the API. */
export type FieldMessages = Record<string, string>;

export function fieldMessages(issues: readonly v.BaseIssue<unknown>[]): FieldMessages {
  const out: FieldMessages = {};
  for (const issue of issues) {
    const key = v.getDotPath(issue) ?? '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
