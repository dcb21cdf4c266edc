import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { getDb } from '../../db/client';
import { moveClaim } from '../../domain/claims';
import { RejectSchema } from '../../schemas/volunteer';
import { claimAnswer, ClaimIdSchema } from '../claims';
import { onInvalid } from '../errors';
import type { AdminEnv } from './guard';

/** A coordinator's claim steps: /api/admin/claims/:id/approve, /reject, /receive. */
export const adminClaims = new Hono<AdminEnv>();

adminClaims.post('/:id/approve', vValidator('param', ClaimIdSchema, onInvalid), async (c) =>
  claimAnswer(c, await moveClaim(getDb(c.env.DB), c.req.valid('param').id, 'approve', { kind: 'coordinator', id: c.var.session.coordinatorId })),
);
adminClaims.post('/:id/reject', vValidator('param', ClaimIdSchema, onInvalid), vValidator('json', RejectSchema, onInvalid), async (c) =>
  claimAnswer(c, await moveClaim(getDb(c.env.DB), c.req.valid('param').id, 'reject', { kind: 'coordinator', id: c.var.session.coordinatorId }, { reason: c.req.valid('json').reason })),
);
adminClaims.post('/:id/receive', vValidator('param', ClaimIdSchema, onInvalid), async (c) =>
  claimAnswer(c, await moveClaim(getDb(c.env.DB), c.req.valid('param').id, 'receive', { kind: 'coordinator', id: c.var.session.coordinatorId })),
);
