import { Hono } from 'hono';
import { api } from './api/index';
import { securityHeaders } from './http/security-headers';

export type SiteHandler = (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response>;

/**
 * The whole Worker as one Hono app: /api goes to the JSON API, everything else
 * to the site (Astro's pages and assets). Tests build it without the site.
 */
export function createApp(site?: SiteHandler) {
  const app = new Hono<{ Bindings: Env }>();
  app.use('*', securityHeaders);
  app.route('/api', api);
  app.all('*', (c) => {
    if (!site) return c.text('Not found', 404);
    return site(c.req.raw, c.env, c.executionCtx as ExecutionContext);
  });
  return app;
}
