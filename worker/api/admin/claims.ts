import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { ClaimIdParamsSchema, exportClaims, listClaims, moveClaim, QueueSchema } from '#worker/claims/index.ts';
import { RejectSchema } from '#worker/volunteers/index.ts';
import { csvAttachment, xlsxAttachment } from '#worker/platform/http/attachment.ts';
import { onInvalid } from '#worker/platform/http/api-error.ts';
import { claimAnswer } from '#worker/api/claims.ts';
import type { AdminEnv } from './guard';

/** Claims for coordinators: the queues, their export, and the steps approve, reject, receive. */
export const adminClaims = new Hono<AdminEnv>();

adminClaims.get('/', vValidator('query', QueueSchema, onInvalid), async (c) => c.json({ claims: await listClaims(c.var.db, c.req.valid('query').queue) }));

adminClaims.get('/export.csv', vValidator('query', QueueSchema, onInvalid), async (c) =>
  csvAttachment(c, await exportClaims(c.var.db, c.req.valid('query').queue, c.var.session.coordinatorId, 'csv')),
);

adminClaims.get('/export.xlsx', vValidator('query', QueueSchema, onInvalid), async (c) =>
  xlsxAttachment(c, await exportClaims(c.var.db, c.req.valid('query').queue, c.var.session.coordinatorId, 'xlsx')),
);

const coordinator = (id: number) => ({ kind: 'coordinator' as const, id });

adminClaims.post('/:id/approve', vValidator('param', ClaimIdParamsSchema, onInvalid), async (c) =>
  claimAnswer(c, await moveClaim(c.var.db, c.req.valid('param').id, 'approve', coordinator(c.var.session.coordinatorId))),
);
adminClaims.post('/:id/reject', vValidator('param', ClaimIdParamsSchema, onInvalid), vValidator('json', RejectSchema, onInvalid), async (c) =>
  claimAnswer(c, await moveClaim(c.var.db, c.req.valid('param').id, 'reject', coordinator(c.var.session.coordinatorId), { reason: c.req.valid('json').reason })),
);
adminClaims.post('/:id/receive', vValidator('param', ClaimIdParamsSchema, onInvalid), async (c) =>
  claimAnswer(c, await moveClaim(c.var.db, c.req.valid('param').id, 'receive', coordinator(c.var.session.coordinatorId))),
);
