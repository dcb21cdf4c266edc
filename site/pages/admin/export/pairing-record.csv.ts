import type { APIRoute } from 'astro';
import { exportTermRecord, recordTerms, TermQuerySchema } from '#worker/pairings/index.ts';
import { csvDownload } from '#worker/platform/http/attachment.ts';
import { siteDb } from '#site/lib/db.ts';
import { readQuery } from '#site/lib/query.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) => {
  const db = siteDb();
  const { term } = await recordTerms(db, readQuery(TermQuerySchema, url).term);
  if (!term) return new Response('还没有学期', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return csvDownload(await exportTermRecord(db, term, locals.coordinator!.coordinatorId, 'csv'));
};
