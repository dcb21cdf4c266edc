import type { APIRoute } from 'astro';
import { exportClaims, QueueSchema } from '#worker/claims/index.ts';
import { csvDownload } from '#worker/platform/http/attachment.ts';
import { siteDb } from '#site/lib/db.ts';
import { readQuery } from '#site/lib/query.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) =>
  csvDownload(await exportClaims(siteDb(), readQuery(QueueSchema, url).queue, locals.coordinator!.coordinatorId, 'csv'));
