import * as v from 'valibot';
import { fieldMessages, type FieldMessages } from '#worker/platform/input/field-messages.ts';

/** A posted form as plain strings (files and repeated keys are not used by these forms). */
export async function readForm(request: Request): Promise<Record<string, string>> {
  // A body that is not a form (malformed, wrong type) reads as an empty form: a 400 with messages, not a 500.
  const form = await request.formData().catch(() => new FormData());
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') out[key] = value;
  return out;
}

export type FormResult<T> = { ok: true; output: T } | { ok: false; errors: FieldMessages };

/** Validates a form with the same valibot schema the API uses, turning issues into per-field Chinese messages. */
export function parseForm<S extends v.GenericSchema>(schema: S, data: Record<string, unknown>): FormResult<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, data);
  return parsed.success ? { ok: true, output: parsed.output } : { ok: false, errors: fieldMessages(parsed.issues) };
}
