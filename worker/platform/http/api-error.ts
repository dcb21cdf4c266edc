import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as v from 'valibot';
import { fieldMessages, type FieldMessages } from '#worker/platform/input/field-messages.ts';

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

/** Hook for @hono/valibot-validator: a failed parse becomes a structured 400. */
export function onInvalid(result: { success: boolean; issues?: readonly v.BaseIssue<unknown>[] }, c: Context) {
  if (!result.success) {
    return apiError(c, 400, 'invalid_input', '提交的内容有误，请按提示修改', fieldMessages(result.issues ?? []));
  }
}
