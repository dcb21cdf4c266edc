/**
 * One way for a page to run a form: the helper reads the post, refuses it if
 * the CSRF check did (site/lib/csrf.ts), parses it with the input's valibot
 * schema (the same one the API uses), runs one domain operation and turns its
 * result into a 303 redirect, or into the page again with field messages and
 * the status from the aggregate's failures table. Pages never read a posted
 * body themselves (tests/build/every-form-posts-through-one-checked-path.test.ts keeps it so).
 */
import type { AstroGlobal } from 'astro';
import * as v from 'valibot';
import type { Failure } from '#worker/platform/failures.ts';
import { fieldMessages, type FieldMessages } from '#worker/platform/input/field-messages.ts';

type Outcome = { ok: true } | Failure;

export interface FormAction {
  /** What to validate: the posted fields (by default all of them as strings), shaped for the schema. */
  read?: (form: FormData, fields: Record<string, string>) => unknown;
  /** The input's schema; without one, `run` gets the posted fields. */
  schema?: v.GenericSchema;
  /** The one domain operation. */
  run: (input: never) => Promise<Outcome>;
  /** Where to go after it succeeded; null shows the page again with the result (something shown once). */
  done: (result: never) => string | null;
}

/** Declares one form action with its types checked: `run` gets the schema's output, `done` the success. */
export function formAction<S extends v.GenericSchema, R extends Outcome>(action: {
  read?: (form: FormData, fields: Record<string, string>) => unknown;
  schema: S;
  run: (input: v.InferOutput<S>) => Promise<R>;
  done: (result: Extract<R, { ok: true }>) => string | null;
}): FormAction;
export function formAction<R extends Outcome>(action: { run: (fields: Record<string, string>) => Promise<R>; done: (result: Extract<R, { ok: true }>) => string | null }): FormAction;
export function formAction(action: FormAction): FormAction {
  return action;
}

export interface FormState {
  /** A form was posted to this request. */
  posted: boolean;
  /** Which action was posted (`_action`), '' for a page's only form. */
  action: string;
  /** The posted fields as typed, to fill the form in again. */
  fields: Record<string, string>;
  errors: FieldMessages;
  /** The message for the error summary (a refusal, a failed operation). */
  message: string;
  /** What the domain refused with, when it did. */
  failure: Failure | null;
  /** Set when the operation succeeded: the page returns it. */
  redirect: Response | null;
  /** The operation's success when its action shows the page again instead of redirecting. */
  result: unknown;
  /** The whole posted form (a form with repeated fields fills itself in again from it). */
  data: FormData | null;
}

const IDLE: FormState = { posted: false, action: '', fields: {}, errors: {}, message: '', failure: null, redirect: null, result: null, data: null };

/** The message when the CSRF check refused the post (the page says what to do next). */
export const EXPIRED_MESSAGE = '页面已经过期，请刷新后再试。';
export const UNKNOWN_ACTION_MESSAGE = '不认识这个操作。';

/**
 * Runs the posted action, if any. `actions` is keyed by the form's `_action`
 * ('' for a page with one form). Sets the response status on every refusal.
 */
export async function handleForm(
  astro: AstroGlobal,
  actions: Record<string, FormAction>,
  options: {
    /** The message when the CSRF check refused the post. */
    expired?: string;
    /** A refusal decided before the input is even parsed (a rate limit counts every attempt). */
    before?: () => Promise<Failure | null>;
  } = {},
): Promise<FormState> {
  if (astro.request.method !== 'POST') return IDLE;
  // A body that is not a form (malformed, wrong type) reads as an empty form: a 4xx with messages, not a 500.
  const form = await astro.request.formData().catch(() => new FormData());
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && !(key in fields)) fields[key] = value;
  const action = fields._action ?? '';
  const state = (status: number, more: Partial<FormState>): FormState => {
    astro.response.status = status;
    return { ...IDLE, posted: true, action, fields, data: form, ...more };
  };

  if (astro.locals.csrf.refused) return state(403, { message: options.expired ?? EXPIRED_MESSAGE });
  const refusal = await options.before?.();
  if (refusal) return state(refusal.status, { message: refusal.message, failure: refusal });
  // A page with one form runs it whatever `_action` says; a page with several needs a known one.
  const only = Object.values(actions);
  const chosen = actions[action] ?? (only.length === 1 ? only[0] : undefined);
  if (!chosen) return state(400, { message: UNKNOWN_ACTION_MESSAGE });
  let input: unknown = chosen.read ? chosen.read(form, fields) : fields;
  if (chosen.schema) {
    const parsed = v.safeParse(chosen.schema, input);
    if (!parsed.success) return state(400, { errors: fieldMessages(parsed.issues) });
    input = parsed.output;
  }
  const result = await chosen.run(input as never);
  if (result.ok) {
    const next = chosen.done(result as never);
    return { ...IDLE, posted: true, action, fields, data: form, ...(next === null ? { result } : { redirect: astro.redirect(next, 303) }) };
  }
  return state(result.status, { message: result.message, errors: result.fields ?? {}, failure: result });
}
