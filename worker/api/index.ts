import { Hono } from 'hono';
import { database, type ApiEnv } from '#worker/platform/http/middleware.ts';
import { adminApi } from './admin/index';
import { cardsApi } from './cards';
import { cardClaimsApi, claimsApi } from './claims';
import { health } from './health';
import { meApi, volunteersApi } from './volunteers';

/**
 * The JSON API, mounted at /api; every handler finds the database on `c.var.db`.
 * Unknown paths and errors are answered in worker/app.ts (under /admin: 401, then 404, in admin/index.ts).
 */
export const api = new Hono<ApiEnv>();

api.use('*', database());
api.route('/health', health);
api.route('/cards', cardsApi);
api.route('/cards', cardClaimsApi);
api.route('/claims', claimsApi);
api.route('/admin', adminApi);
api.route('/volunteers', volunteersApi);
api.route('/me', meApi);
