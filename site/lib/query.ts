import * as v from 'valibot';

/** A page's query string read with the input's schema; a value that does not parse falls back to the schema's defaults. */
export function readQuery<S extends v.GenericSchema>(schema: S, url: URL): v.InferOutput<S> {
  const parsed = v.safeParse(schema, Object.fromEntries(url.searchParams));
  return parsed.success ? parsed.output : v.parse(schema, {});
}
