import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { clearCookieHeader, setCookieHeader } from '#worker/platform/auth/cookies.ts';
import { DEVICE_COOKIE, loginClient } from '#worker/platform/auth/device-cookie.ts';
import { SESSION_COOKIE } from '#worker/platform/auth/session.ts';
import { consoleQueues, logIn, LoginSchema, logOut } from '#worker/console/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import { httpFailure } from '#worker/platform/http/failures.ts';
import { jsonBody, noStore, sameSite } from '#worker/platform/http/middleware.ts';
import { adminAudit } from './audit';
import { adminCampaign } from './campaign';
import { adminCampaigns } from './campaigns';
import { adminCards } from './cards';
import { adminClaims } from './claims';
import { requireCoordinator, type AdminEnv } from './guard';
import { adminPairings } from './pairings';
import { adminReview } from './review';
import { adminSpreadsheets } from './spreadsheets';
import { adminVolunteers } from './volunteers';

/** The coordinators' JSON API, mounted at /api/admin. Everything but login needs a session. */
export const adminApi = new Hono<AdminEnv>();

// Every /api/admin request is private; a state change must be JSON and from this site.
adminApi.use('*', noStore(), sameSite(), jsonBody());

adminApi.post('/login', vValidator('json', LoginSchema, onInvalid), async (c) => {
  const result = await logIn(c.var.db, c.req.valid('json'), await loginClient(c.req.raw, c.env));
  if (!result.ok) {
    if (result.reason === 'locked') c.header('Retry-After', String(Math.ceil((result.retryAt.getTime() - Date.now()) / 1000)));
    return apiFailure(c, result);
  }
  c.header('Set-Cookie', setCookieHeader(SESSION_COOKIE, result.token, c.req.url));
  if (result.deviceCookie) c.header('Set-Cookie', setCookieHeader(DEVICE_COOKIE, result.deviceCookie, c.req.url), { append: true });
  const { username, displayName } = result.coordinator;
  return c.json({ coordinator: { username, displayName } });
});

adminApi.use('*', requireCoordinator());

adminApi.post('/logout', async (c) => {
  await logOut(c.var.db, c.var.session);
  // The device cookie stays: logging out ends the session, not the browser's trust.
  c.header('Set-Cookie', clearCookieHeader(SESSION_COOKIE, c.req.url));
  return c.body(null, 204);
});

adminApi.get('/me', (c) => {
  const { username, displayName } = c.var.session;
  return c.json({ coordinator: { username, displayName } });
});

adminApi.get('/queues', async (c) => c.json({ queues: await consoleQueues(c.var.db) }));

adminApi.route('/cards', adminCards);
adminApi.route('/campaign', adminCampaign);
adminApi.route('/campaigns', adminCampaigns);
adminApi.route('/audit', adminAudit);
adminApi.route('/', adminSpreadsheets);
adminApi.route('/volunteers', adminVolunteers);
adminApi.route('/claims', adminClaims);
adminApi.route('/pairings', adminPairings);
adminApi.route('/review', adminReview);

adminApi.all('*', (c) => apiFailure(c, httpFailure('not_found')));
