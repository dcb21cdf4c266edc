import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { api } from '#worker/api/index.ts';
import { apiError, apiFailure } from '#worker/platform/http/api-error.ts';
import { HTTP_FAILURES, httpFailure } from '#worker/platform/http/failures.ts';
import { securityHeaders } from '#worker/platform/http/security-headers.ts';
import { personaliseCopy } from '#worker/platform/http/reader-copy.ts';
import { switchTextSize, TEXT_SIZE_PATH } from '#worker/platform/http/text-size.ts';

export type SiteHandler = (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response>;

/** A path fit for logs: a private link's token is replaced. */
export const loggablePath = (path: string) => path.replace(/^\/v\/[^/]+/, '/v/[token]');

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * The whole Worker as one Hono app: /api goes to the JSON API, everything else
 * to the site (Astro's pages and assets). Tests build it without the site.
 */
export function createApp(site?: SiteHandler) {
  const app = new Hono<{ Bindings: Env }>();
  app.use('*', securityHeaders);
  app.route('/api', api);
  // An unknown /api path is the API's 404, never the site's HTML page.
  app.all('/api/*', (c) => apiFailure(c, httpFailure('not_found')));
  app.get(TEXT_SIZE_PATH, switchTextSize);
  app.all('*', async (c) => {
    if (!site) return c.text('Not found', 404);
    return personaliseCopy(c.req.raw, await site(c.req.raw, c.env, c.executionCtx as ExecutionContext));
  });
  app.onError((err, c) => {
    // Hono's own refusals (e.g. a body that is not JSON) are the client's mistake: a 4xx, not a 500.
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 400 ? 'invalid_json' : 'bad_request';
      return apiError(c, err.status, code, HTTP_FAILURES[code].message);
    }
    // Log the cause for operators; the answer names no table, SQL or stack.
    console.error('unhandled error', c.req.method, loggablePath(new URL(c.req.url).pathname), err instanceof Error ? err.message : err);
    if (isApi(new URL(c.req.url).pathname)) return apiError(c, 500, 'internal', '服务器出了点问题，请稍后再试');
    return c.html('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>出错了 · 守望</title><h1>出错了</h1><p>服务器出了点问题，请稍后再试。<a href="/">回到首页</a></p></html>', 500);
  });
  return app;
}
