import { createMiddleware } from 'hono/factory';
import { readCookie } from '#worker/platform/auth/cookies.ts';
import { readSession, SESSION_COOKIE, type CoordinatorSession } from '#worker/platform/auth/session.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { consoleFailure } from '#worker/console/index.ts';
import { apiFailure } from '#worker/platform/http/api-error.ts';

export type AdminEnv = { Bindings: Env; Variables: { db: Db; session: CoordinatorSession } };

/** Requires a live coordinator session (the console cookie) and puts it on `c.var.session`; 401 otherwise. */
export const requireCoordinator = () =>
  createMiddleware<AdminEnv>(async (c, next) => {
    const session = await readSession(c.var.db, readCookie(c.req.raw, SESSION_COOKIE), new Date());
    if (!session) return apiFailure(c, consoleFailure('unauthenticated'));
    c.set('session', session);
    await next();
  });
