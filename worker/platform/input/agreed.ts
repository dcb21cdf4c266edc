import * as v from 'valibot';

/** A checkbox a person must tick (a form's "on") or `true` in JSON; anything else gets `message`. */
export const agreed = (message: string) =>
  v.pipe(
    v.optional(v.union([v.boolean(), v.string()]), false),
    v.transform((x) => x === true || x === 'on' || x === 'true'),
    v.check((x) => x, message),
  );
