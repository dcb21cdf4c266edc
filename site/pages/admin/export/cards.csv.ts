import type { APIRoute } from 'astro';
import * as v from 'valibot';
import { attachment, exportCardsCsv } from '#worker/cards/index.ts';
import { CardFilterSchema } from '#worker/cards/index.ts';
import { siteDb } from '#site/lib/db.ts';

export const prerender = false;

/** Served by the server as an attachment: WeChat's browser blocks downloads made by scripts. */
export const GET: APIRoute = async ({ url, locals }) => {
  const parsed = v.safeParse(CardFilterSchema, Object.fromEntries(url.searchParams));
  const filter = parsed.success ? parsed.output : v.parse(CardFilterSchema, {});
  const file = await exportCardsCsv(siteDb(), filter, locals.coordinator!.coordinatorId);
  return new Response(file.body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(file.filename) },
  });
};
