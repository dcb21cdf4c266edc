import { Hono } from 'hono';
import { checkHealth } from '#worker/platform/db/health.ts';
import { apiError } from '#worker/platform/http/api-error.ts';
import { noStore, type ApiEnv } from '#worker/platform/http/middleware.ts';

export const health = new Hono<ApiEnv>();

health.get('/', noStore(), async (c) => {
  const result = await checkHealth(c.var.db);
  if (result.ok) return c.json({ ok: true });
  return apiError(c, 503, result.reason, '服务暂时不可用，请稍后再试');
});
