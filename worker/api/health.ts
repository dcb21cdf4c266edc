import { Hono } from 'hono';
import { getDb } from '#worker/platform/db/client.ts';
import { checkHealth } from '#worker/platform/db/health.ts';
import { apiError } from '#worker/platform/http/api-error.ts';

export const health = new Hono<{ Bindings: Env }>();

health.get('/', async (c) => {
  const result = await checkHealth(getDb(c.env.DB));
  c.header('Cache-Control', 'no-store');
  if (result.ok) return c.json({ ok: true });
  return apiError(c, 503, result.reason, '服务暂时不可用，请稍后再试');
});
