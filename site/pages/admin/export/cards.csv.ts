import type { APIRoute } from 'astro';
import * as v from 'valibot';
import { attachment, exportCardsCsv } from '../../../../worker/domain/card-export';
import { CardFilterSchema } from '../../../../worker/schemas/card';
import { siteDb } from '../../../lib/db';

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
