import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { adminApi } from '#worker/api/admin/index.ts';

/** Every route the admin API declares, read from the app itself so a new route is covered too. */
const routes = adminApi.routes
  .filter((r) => r.method !== 'ALL' && r.path !== '/login')
  .map((r) => ({ method: r.method, path: `/api/admin${r.path.replace(/:(\w+)/g, '1')}` }));

describe('the admin API without a session', () => {
  it('declares the routes this test walks', () => {
    expect(routes.length).toBeGreaterThanOrEqual(3);
  });

  it.each(routes)('$method $path answers 401 and does nothing', async ({ method, path }) => {
    const res = await exports.default.fetch(`http://shouwang.test${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(method === 'GET' ? {} : { body: '{}' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers 401 for unknown admin paths too, so routes cannot be discovered', async () => {
    expect((await exports.default.fetch('http://shouwang.test/api/admin/secret-export')).status).toBe(401);
  });
});
