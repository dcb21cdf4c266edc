import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { volunteerAccess, volunteerToken } from '#worker/platform/auth/volunteer-access.ts';
import { completeSignup, signupAllowed, volunteerFailure, volunteerOverview, VolunteerSignupSchema } from '#worker/volunteers/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import { jsonBody, noStore, sameSite, type ApiEnv } from '#worker/platform/http/middleware.ts';
import { mePairingsApi } from './pairings';

/** Counts the attempt against the sender's address before the body is even read (429 past the limit). */
const signupLimit = () =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (!(await signupAllowed(c.var.db, c.env, c.req.raw))) {
      c.header('Retry-After', '600');
      return apiFailure(c, volunteerFailure('rate_limited'));
    }
    await next();
  });

/** POST /api/volunteers: sign up. */
export const volunteersApi = new Hono<ApiEnv>();

volunteersApi.post('/', noStore(), sameSite(), jsonBody(), signupLimit(), vValidator('json', VolunteerSignupSchema, onInvalid), async (c) => {
  const outcome = await completeSignup(c.var.db, c.req.valid('json'));
  if (!outcome.ok) return apiFailure(c, outcome);
  return c.json({ privateUrl: `${new URL(c.req.url).origin}/v/${outcome.token}` }, 201);
});

/** GET /api/me: the volunteer's own status and claims (cookie or Authorization: Bearer). */
export const meApi = new Hono<ApiEnv>();
meApi.route('/pairings', mePairingsApi);

meApi.get('/', noStore(), async (c) => {
  const access = await volunteerAccess(c.var.db, volunteerToken(c.req.raw));
  if (!access) return apiFailure(c, volunteerFailure('link_needed'));
  return c.json({ volunteer: await volunteerOverview(c.var.db, access) });
});
