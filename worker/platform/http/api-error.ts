import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as v from 'valibot';
import type { Failure } from '#worker/platform/failures.ts';
import { fieldMessages, type FieldMessages } from '#worker/platform/input/field-messages.ts';
import { HTTP_FAILURES } from './failures';

export interface ApiErrorBody {
  error: { code: string; message: string; fields: FieldMessages };
}

/** The one shape every API refusal takes: {"error":{"code","message","fields"}}. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  fields: FieldMessages = {},
) {
  return c.json<ApiErrorBody>({ error: { code, message, fields } }, status);
}

/** A domain operation's refusal as the API answers it: its own status, code, message and field messages. */
export function apiFailure(c: Context, failure: Failure) {
  return apiError(c, failure.status, failure.code, failure.message, failure.fields ?? {});
}

/** Hook for @hono/valibot-validator: a failed parse becomes a structured 400. */
export function onInvalid(result: { success: boolean; issues?: readonly v.BaseIssue<unknown>[] }, c: Context) {
  if (!result.success) {
    return apiError(c, HTTP_FAILURES.invalid_input.status, 'invalid_input', HTTP_FAILURES.invalid_input.message, fieldMessages(result.issues ?? []));
  }
}
