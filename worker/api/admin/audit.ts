import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { getDb } from '../../db/client';
import { listAudit } from '../../domain/audit-trail';
import { AuditFilterSchema } from '../../schemas/audit';
import { onInvalid } from '../errors';
import type { AdminEnv } from './guard';

/** The audit trail: /api/admin/audit. */
export const adminAudit = new Hono<AdminEnv>();

adminAudit.get('/', vValidator('query', AuditFilterSchema, onInvalid), async (c) => c.json(await listAudit(getDb(c.env.DB), c.req.valid('query'))));
