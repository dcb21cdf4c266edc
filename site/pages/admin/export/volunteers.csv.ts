import type { APIRoute } from 'astro';
import * as v from 'valibot';
import { attachment } from '#worker/cards/index.ts';
import { exportVolunteersCsv } from '#worker/volunteers/index.ts';
import { VolunteerFilterSchema } from '#worker/volunteers/index.ts';
import { siteDb } from '#site/lib/db.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) => {
  const parsed = v.safeParse(VolunteerFilterSchema, Object.fromEntries(url.searchParams));
  const filter = parsed.success ? parsed.output : v.parse(VolunteerFilterSchema, {});
  const file = await exportVolunteersCsv(siteDb(), filter, locals.coordinator!.coordinatorId);
  return new Response(file.body, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(file.filename) } });
};
