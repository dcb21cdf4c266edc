import type { APIRoute } from 'astro';
import { exportTermRecord, recordTerms, TermQuerySchema } from '#worker/pairings/index.ts';
import { xlsxDownload } from '#worker/platform/http/attachment.ts';
import { siteDb } from '#site/lib/db.ts';
import { readQuery } from '#site/lib/query.ts';

export const prerender = false;

/** The term record (台账) as a workbook: the same rows as pairing-record.csv, counts as numbers. */
export const GET: APIRoute = async ({ url, locals }) => {
  const db = siteDb();
  const { term } = await recordTerms(db, readQuery(TermQuerySchema, url).term);
  if (!term) return new Response('还没有学期', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return xlsxDownload(await exportTermRecord(db, term, locals.coordinator!.coordinatorId, 'xlsx'));
};
