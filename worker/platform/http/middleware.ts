/**
 * The API's middleware, each a small factory (Hono's createMiddleware) so a
 * route says what it needs in one line: `noStore(), sameSite(), jsonBody()`.
 */
import { createMiddleware } from 'hono/factory';
import { isCrossSite } from '#worker/platform/auth/request-origin.ts';
import { getDb, type Db } from '#worker/platform/db/client.ts';
import { apiFailure } from './api-error';
import { httpFailure } from './failures';

/** What every API handler sees: the bindings, and the database on `c.var.db`. */
export type ApiEnv = { Bindings: Env; Variables: { db: Db } };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const changes = (method: string) => !SAFE_METHODS.has(method);

/** Puts a drizzle handle on `c.var.db` (cheap: made per request). */
export const database = () =>
  createMiddleware<ApiEnv>(async (c, next) => {
    c.set('db', getDb(c.env.DB));
    await next();
  });

/** Private answers: never kept by a browser or a proxy (also on refusals that follow). */
export const noStore = () =>
  createMiddleware(async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

/** A state change from another site is refused (403), whatever credentials it carries. */
export const sameSite = () =>
  createMiddleware(async (c, next) => {
    if (changes(c.req.method) && isCrossSite(c.req.raw)) return apiFailure(c, httpFailure('cross_site'));
    await next();
  });

/** A state change must be JSON: no cross-site HTML form can send that content type (415 otherwise). */
export const jsonBody = () =>
  createMiddleware(async (c, next) => {
    if (changes(c.req.method) && !c.req.header('Content-Type')?.toLowerCase().startsWith('application/json')) {
      return apiFailure(c, httpFailure('json_required'));
    }
    await next();
  });
