import type { MiddlewareHandler } from 'hono';
import { isCrossSite } from '#worker/platform/auth/request-origin.ts';
import { volunteerAccess, volunteerToken } from '#worker/platform/auth/volunteer-access.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { apiError } from '#worker/platform/http/api-error.ts';

export type VolunteerEnv = { Bindings: Env; Variables: { volunteerId: number } };

/** A volunteer's state change: JSON, from this site, with the private token (cookie or Bearer) of a registered volunteer. */
export const requireVolunteer: MiddlewareHandler<VolunteerEnv> = async (c, next) => {
  c.header('Cache-Control', 'no-store');
  if (isCrossSite(c.req.raw)) return apiError(c, 403, 'cross_site', '拒绝来自其他网站的请求');
  if (!c.req.header('Content-Type')?.toLowerCase().startsWith('application/json')) {
    return apiError(c, 415, 'json_required', '请用 JSON 提交（Content-Type: application/json）');
  }
  const access = await volunteerAccess(getDb(c.env.DB), volunteerToken(c.req.raw));
  if (!access) return apiError(c, 401, 'unauthenticated', '请先报名，或打开您的私人链接');
  if (access.kind !== 'volunteer') return apiError(c, 403, 'signup_pending', '您的报名还在核对中，暂时不能认领；请打电话给学校');
  c.set('volunteerId', access.volunteerId);
  await next();
};
