/**
 * docs/api.md stays true: every route the Hono app serves is listed there, and
 * nothing is listed that the app does not serve. The routes are read from the
 * app itself (`app.routes`), so a route added next year without a line in the
 * document fails here, named.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '#worker/app.ts';
import apiDoc from '../../docs/api.md?raw';

/** "METHOD /path" for every route with a method (middleware and catch-alls are registered as ALL). */
const served = [...new Set(createApp().routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();

/** "METHOD /path" for every code span in the document that names a route: `GET /api/cards/:code`, `GET /api/admin/cards?status=…`. */
const documented = [...new Set([...apiDoc.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^\s`?]*)/g)].map((m) => `${m[1]} ${m[2]}`))].sort();

describe('docs/api.md', () => {
  it('is compared against the routes the app declares', () => {
    expect(served.length).toBeGreaterThanOrEqual(30);
  });

  it('lists every route the API serves', () => {
    const missing = served.filter((route) => !documented.includes(route));
    expect(missing, `routes missing from docs/api.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('lists no route the API does not serve', () => {
    const stale = documented.filter((route) => !served.includes(route));
    expect(stale, `docs/api.md names routes the app does not serve: ${stale.join(', ')}`).toEqual([]);
  });
});
