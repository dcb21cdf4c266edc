import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { getDb } from '#worker/platform/db/client.ts';
import { attachment } from '#worker/cards/index.ts';
import { exportClaimsCsv } from '#worker/claims/index.ts';
import { CLAIM_QUEUES, listClaims } from '#worker/claims/index.ts';
import { moveClaim } from '#worker/claims/index.ts';
import * as v from 'valibot';
import { RejectSchema } from '#worker/volunteers/index.ts';
import { claimAnswer, ClaimIdSchema } from '#worker/api/claims.ts';
import { onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** A coordinator's claim steps: /api/admin/claims/:id/approve, /reject, /receive. */
export const adminClaims = new Hono<AdminEnv>();

const QueueSchema = v.object({ queue: v.optional(v.picklist(CLAIM_QUEUES, '队列是 to_approve、awaiting_dropoff、awaiting_confirmation、overdue 或 all'), 'all') });

adminClaims.get('/', vValidator('query', QueueSchema, onInvalid), async (c) => c.json({ claims: await listClaims(getDb(c.env.DB), c.req.valid('query').queue) }));

adminClaims.get('/export.csv', vValidator('query', QueueSchema, onInvalid), async (c) => {
  const file = await exportClaimsCsv(getDb(c.env.DB), c.req.valid('query').queue, c.var.session.coordinatorId);
  return c.body(file.body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(file.filename) });
});

adminClaims.post('/:id/approve', vValidator('param', ClaimIdSchema, onInvalid), async (c) =>
  claimAnswer(c, await moveClaim(getDb(c.env.DB), c.req.valid('param').id, 'approve', { kind: 'coordinator', id: c.var.session.coordinatorId })),
);
adminClaims.post('/:id/reject', vValidator('param', ClaimIdSchema, onInvalid), vValidator('json', RejectSchema, onInvalid), async (c) =>
  claimAnswer(c, await moveClaim(getDb(c.env.DB), c.req.valid('param').id, 'reject', { kind: 'coordinator', id: c.var.session.coordinatorId }, { reason: c.req.valid('json').reason })),
);
adminClaims.post('/:id/receive', vValidator('param', ClaimIdSchema, onInvalid), async (c) =>
  claimAnswer(c, await moveClaim(getDb(c.env.DB), c.req.valid('param').id, 'receive', { kind: 'coordinator', id: c.var.session.coordinatorId })),
);
