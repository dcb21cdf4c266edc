import { Hono } from 'hono';
import { getDb } from '../db/client';
import { checkHealth } from '../domain/health';
import { apiError } from './errors';

export const health = new Hono<{ Bindings: Env }>();

health.get('/', async (c) => {
  const result = await checkHealth(getDb(c.env.DB));
  c.header('Cache-Control', 'no-store');
  if (result.ok) return c.json({ ok: true });
  return apiError(c, 503, result.reason, '服务暂时不可用，请稍后再试');
});
