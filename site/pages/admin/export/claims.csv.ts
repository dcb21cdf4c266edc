import type { APIRoute } from 'astro';
import { attachment } from '../../../../worker/domain/card-export';
import { exportClaimsCsv } from '../../../../worker/domain/claim-export';
import { CLAIM_QUEUES, type ClaimQueue } from '../../../../worker/domain/claim-queues';
import { siteDb } from '../../../lib/db';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) => {
  const asked = url.searchParams.get('queue');
  const queue: ClaimQueue = asked && (CLAIM_QUEUES as readonly string[]).includes(asked) ? (asked as ClaimQueue) : 'all';
  const file = await exportClaimsCsv(siteDb(), queue, locals.coordinator!.coordinatorId);
  return new Response(file.body, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(file.filename) } });
};
