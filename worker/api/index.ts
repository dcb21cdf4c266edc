import { Hono } from 'hono';
import { cardsApi } from './cards';
import { apiError } from './errors';
import { health } from './health';

/** The JSON API, mounted at /api. */
export const api = new Hono<{ Bindings: Env }>();

api.route('/health', health);
api.route('/cards', cardsApi);

api.notFound((c) => apiError(c, 404, 'not_found', '没有这个接口'));
api.onError((err, c) => {
  // Log the cause for operators; the answer names no table, SQL or stack.
  console.error('api error', c.req.method, new URL(c.req.url).pathname, err instanceof Error ? err.message : err);
  return apiError(c, 500, 'internal', '服务器出了点问题，请稍后再试');
});
