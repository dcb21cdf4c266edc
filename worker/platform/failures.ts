/**
 * Failures as data. Each aggregate writes its refusals once, in a table of
 * code → HTTP status and Chinese message; its operations return `fail(code)`,
 * and both doors (the API's JSON error, a form page's message and status) read
 * the status and message from the result instead of deciding them again.
 */
/** The statuses a refusal may carry (no 5xx: a refusal is the caller's to fix, or to wait out). */
export type FailureStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export interface FailureSpec {
  status: FailureStatus;
  message: string;
  /** The code the answer carries when several refusals share one (e.g. `not_allowed`). */
  code?: string;
}

/** A refused operation, as every domain operation returns it. */
export interface Failure<Code extends string = string> {
  ok: false;
  code: Code;
  /** The table's key: which refusal this is, when several share one code. */
  reason: string;
  status: FailureStatus;
  message: string;
  /** Messages for particular fields, shown beside them. */
  fields?: Record<string, string>;
}

type CodeOf<T extends Record<string, FailureSpec>, K extends keyof T> = T[K]['code'] extends string ? T[K]['code'] : K & string;

/**
 * An aggregate's failures table and its `fail`: `fail('card_not_found')`, or
 * with a message composed at the point of failure (it names a value) and field messages.
 */
export function failureTable<const T extends Record<string, FailureSpec>>(table: T) {
  function fail<K extends keyof T & string>(key: K, detail: { message?: string; fields?: Record<string, string> } = {}): Failure<CodeOf<T, K>> {
    const spec = table[key]!;
    return {
      ok: false,
      code: (spec.code ?? key) as CodeOf<T, K>,
      reason: key,
      status: spec.status,
      message: detail.message ?? spec.message,
      ...(detail.fields ? { fields: detail.fields } : {}),
    };
  }
  return { table, fail };
}
