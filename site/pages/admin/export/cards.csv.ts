import type { APIRoute } from 'astro';
import { CardFilterSchema, exportCards } from '#worker/cards/index.ts';
import { csvDownload } from '#worker/platform/http/attachment.ts';
import { siteDb } from '#site/lib/db.ts';
import { readQuery } from '#site/lib/query.ts';

export const prerender = false;

/** Served by the server as an attachment: WeChat's browser blocks downloads made by scripts. */
export const GET: APIRoute = async ({ url, locals }) =>
  csvDownload(await exportCards(siteDb(), readQuery(CardFilterSchema, url), locals.coordinator!.coordinatorId, 'csv'));
