import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { isCrossSite } from '#worker/platform/auth/request-origin.ts';
import { volunteerAccess, volunteerToken } from '#worker/platform/auth/volunteer-access.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { volunteerOverview } from '#worker/volunteers/index.ts';
import { completeSignup, RATE_LIMITED_MESSAGE, signupAllowed } from '#worker/volunteers/index.ts';
import { VolunteerSignupSchema } from '#worker/volunteers/index.ts';
import { apiError, onInvalid } from '#worker/platform/http/api-error.ts';

/** POST /api/volunteers: sign up. */
export const volunteersApi = new Hono<{ Bindings: Env }>();

volunteersApi.post(
  '/',
  async (c, next) => {
    c.header('Cache-Control', 'no-store');
    if (isCrossSite(c.req.raw)) return apiError(c, 403, 'cross_site', '拒绝来自其他网站的请求');
    if (!c.req.header('Content-Type')?.toLowerCase().startsWith('application/json')) {
      return apiError(c, 415, 'json_required', '请用 JSON 提交（Content-Type: application/json）');
    }
    if (!(await signupAllowed(getDb(c.env.DB), c.env, c.req.raw))) {
      c.header('Retry-After', '600');
      return apiError(c, 429, 'rate_limited', RATE_LIMITED_MESSAGE);
    }
    await next();
  },
  vValidator('json', VolunteerSignupSchema, onInvalid),
  async (c) => {
    const outcome = await completeSignup(getDb(c.env.DB), c.req.valid('json'));
    if (!outcome.ok) return apiError(c, 429, outcome.code, outcome.message);
    return c.json({ privateUrl: `${new URL(c.req.url).origin}/v/${outcome.token}` }, 201);
  },
);

/** GET /api/me: the volunteer's own status and claims (cookie or Authorization: Bearer). */
export const meApi = new Hono<{ Bindings: Env }>();

meApi.get('/', async (c) => {
  c.header('Cache-Control', 'no-store');
  const db = getDb(c.env.DB);
  const access = await volunteerAccess(db, volunteerToken(c.req.raw));
  if (!access) return apiError(c, 401, 'unauthenticated', '请先打开您的私人链接');
  return c.json({ volunteer: await volunteerOverview(db, access) });
});
