import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { AuditFilterSchema, listAudit } from '#worker/audit/index.ts';
import { onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** The audit trail: /api/admin/audit. */
export const adminAudit = new Hono<AdminEnv>();

adminAudit.get('/', vValidator('query', AuditFilterSchema, onInvalid), async (c) => c.json(await listAudit(c.var.db, c.req.valid('query'))));
