import { createMiddleware } from 'hono/factory';
import { volunteerAccess, volunteerToken } from '#worker/platform/auth/volunteer-access.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { apiFailure } from '#worker/platform/http/api-error.ts';
import { volunteerFailure } from '#worker/volunteers/index.ts';

export type VolunteerEnv = { Bindings: Env; Variables: { db: Db; volunteerId: number } };

/**
 * A registered volunteer's request: their private token (cookie or Bearer) on `c.var.volunteerId`.
 * Routes put noStore(), sameSite() and jsonBody() in front of it.
 */
export const requireVolunteer = () =>
  createMiddleware<VolunteerEnv>(async (c, next) => {
    const access = await volunteerAccess(c.var.db, volunteerToken(c.req.raw));
    if (!access) return apiFailure(c, volunteerFailure('not_signed_in'));
    if (access.kind !== 'volunteer') return apiFailure(c, volunteerFailure('signup_pending'));
    c.set('volunteerId', access.volunteerId);
    await next();
  });
