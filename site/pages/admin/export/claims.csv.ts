import type { APIRoute } from 'astro';
import { attachment } from '#worker/cards/index.ts';
import { exportClaimsCsv } from '#worker/claims/index.ts';
import { CLAIM_QUEUES, type ClaimQueue } from '#worker/claims/index.ts';
import { siteDb } from '#site/lib/db.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) => {
  const asked = url.searchParams.get('queue');
  const queue: ClaimQueue = asked && (CLAIM_QUEUES as readonly string[]).includes(asked) ? (asked as ClaimQueue) : 'all';
  const file = await exportClaimsCsv(siteDb(), queue, locals.coordinator!.coordinatorId);
  return new Response(file.body, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(file.filename) } });
};
