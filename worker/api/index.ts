import { Hono } from 'hono';
import { adminApi } from '#worker/api/admin/index.ts';
import { cardsApi } from './cards';
import { cardClaimsApi, claimsApi } from './claims';
import { health } from './health';
import { meApi, volunteersApi } from './volunteers';

/** The JSON API, mounted at /api. Unknown paths and errors are answered in worker/app.ts. */
export const api = new Hono<{ Bindings: Env }>();

api.route('/health', health);
api.route('/cards', cardsApi);
api.route('/cards', cardClaimsApi);
api.route('/claims', claimsApi);
api.route('/admin', adminApi);
api.route('/volunteers', volunteersApi);
api.route('/me', meApi);
