import type { APIRoute } from 'astro';
import { exportClaims, QueueSchema } from '#worker/claims/index.ts';
import { xlsxDownload } from '#worker/platform/http/attachment.ts';
import { siteDb } from '#site/lib/db.ts';
import { readQuery } from '#site/lib/query.ts';

export const prerender = false;

/** The same rows as claims.csv, as a workbook for Excel and WPS (mobile numbers as text). */
export const GET: APIRoute = async ({ url, locals }) =>
  xlsxDownload(await exportClaims(siteDb(), readQuery(QueueSchema, url).queue, locals.coordinator!.coordinatorId, 'xlsx'));
