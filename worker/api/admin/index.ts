import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { clearCookieHeader, setCookieHeader } from '#worker/platform/auth/cookies.ts';
import { DEVICE_COOKIE, loginClient } from '#worker/platform/auth/device-cookie.ts';
import { SESSION_COOKIE } from '#worker/platform/auth/session.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { consoleQueues } from '#worker/console/index.ts';
import { logIn, loginFailureMessage, logOut } from '#worker/console/index.ts';
import { LoginSchema } from '#worker/console/index.ts';
import { apiError, onInvalid } from '#worker/platform/http/api-error.ts';
import { adminAudit } from './audit';
import { adminCampaign } from './campaign';
import { adminCards } from './cards';
import { adminClaims } from './claims';
import { adminRequestRules, requireCoordinator, type AdminEnv } from './guard';
import { adminSpreadsheets } from './spreadsheets';
import { adminVolunteers } from './volunteers';

/** The coordinators' JSON API, mounted at /api/admin. Everything but login needs a session. */
export const adminApi = new Hono<AdminEnv>();

adminApi.use('*', adminRequestRules);

adminApi.post('/login', vValidator('json', LoginSchema, onInvalid), async (c) => {
  const result = await logIn(getDb(c.env.DB), c.req.valid('json'), await loginClient(c.req.raw, c.env));
  if (!result.ok) {
    const status = result.reason === 'locked' ? 429 : 401;
    if (result.reason === 'locked') c.header('Retry-After', String(Math.ceil((result.retryAt.getTime() - Date.now()) / 1000)));
    return apiError(c, status, result.reason === 'locked' ? 'too_many_attempts' : 'invalid_credentials', loginFailureMessage(result));
  }
  c.header('Set-Cookie', setCookieHeader(SESSION_COOKIE, result.token, c.req.url));
  if (result.deviceCookie) c.header('Set-Cookie', setCookieHeader(DEVICE_COOKIE, result.deviceCookie, c.req.url), { append: true });
  const { username, displayName } = result.coordinator;
  return c.json({ coordinator: { username, displayName } });
});

adminApi.use('*', requireCoordinator);

adminApi.post('/logout', async (c) => {
  await logOut(getDb(c.env.DB), c.var.session);
  // The device cookie stays: logging out ends the session, not the browser's trust.
  c.header('Set-Cookie', clearCookieHeader(SESSION_COOKIE, c.req.url));
  return c.body(null, 204);
});

adminApi.get('/me', (c) => {
  const { username, displayName } = c.var.session;
  return c.json({ coordinator: { username, displayName } });
});

adminApi.get('/queues', async (c) => c.json({ queues: await consoleQueues(getDb(c.env.DB)) }));

adminApi.route('/cards', adminCards);
adminApi.route('/campaign', adminCampaign);
adminApi.route('/audit', adminAudit);
adminApi.route('/', adminSpreadsheets);
adminApi.route('/volunteers', adminVolunteers);
adminApi.route('/claims', adminClaims);

adminApi.all('*', (c) => apiError(c, 404, 'not_found', '没有这个接口'));
