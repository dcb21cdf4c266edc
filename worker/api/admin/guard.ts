import type { MiddlewareHandler } from 'hono';
import { isCrossSite } from '#worker/platform/auth/request-origin.ts';
import { readCookie } from '#worker/platform/auth/cookies.ts';
import { readSession, SESSION_COOKIE, type CoordinatorSession } from '#worker/platform/auth/session.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { apiError } from '#worker/platform/http/api-error.ts';

export type AdminEnv = { Bindings: Env; Variables: { session: CoordinatorSession } };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api/admin request: private (no-store); a state change must be JSON
 * (no cross-site form can send that content type) and not from another site.
 */
export const adminRequestRules: MiddlewareHandler<AdminEnv> = async (c, next) => {
  c.header('Cache-Control', 'no-store');
  if (!SAFE_METHODS.has(c.req.method)) {
    if (isCrossSite(c.req.raw)) return apiError(c, 403, 'cross_site', '拒绝来自其他网站的请求');
    if (!c.req.header('Content-Type')?.toLowerCase().startsWith('application/json')) {
      return apiError(c, 415, 'json_required', '请用 JSON 提交（Content-Type: application/json）');
    }
  }
  await next();
};

/** Requires a live coordinator session (the console cookie); 401 otherwise. */
export const requireCoordinator: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const session = await readSession(getDb(c.env.DB), readCookie(c.req.raw, SESSION_COOKIE), new Date());
  if (!session) return apiError(c, 401, 'unauthenticated', '请先登录协调员后台');
  c.set('session', session);
  await next();
};
