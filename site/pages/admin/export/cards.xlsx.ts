import type { APIRoute } from 'astro';
import { CardFilterSchema, exportCards } from '#worker/cards/index.ts';
import { xlsxDownload } from '#worker/platform/http/attachment.ts';
import { siteDb } from '#site/lib/db.ts';
import { readQuery } from '#site/lib/query.ts';

export const prerender = false;

/** The same rows as cards.csv, as a workbook for Excel and WPS; served as an attachment (WeChat's browser blocks script downloads). */
export const GET: APIRoute = async ({ url, locals }) =>
  xlsxDownload(await exportCards(siteDb(), readQuery(CardFilterSchema, url), locals.coordinator!.coordinatorId, 'xlsx'));
