/**
 * Every route the Worker answers, read from the code itself: the Astro pages
 * (their files, and whether they take a POST) and the API's Hono routes. A new
 * page or endpoint shows up here without anyone listing it.
 */
import { api } from '#worker/api/index.ts';

const pageSources = import.meta.glob('../../site/pages/**/*.{astro,ts}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** "METHOD /path/:param" for every page: GET, and POST where the page handles one. */
export function pageRoutes(): string[] {
  const out: string[] = [];
  for (const [file, source] of Object.entries(pageSources)) {
    const path = file
      .replace(/^.*\/site\/pages/, '')
      .replace(/\.(astro|ts)$/, '')
      .replace(/\/index$/, '/')
      .replace(/\[(\w+)\]/g, ':$1');
    if (file.endsWith('.ts')) {
      for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE|ALL)\b/g)) out.push(`${m[1]} ${path}`);
    } else {
      out.push(`GET ${path}`);
      // A page takes a POST when it runs a form through the form helper (or reads the method itself).
      if (/request\.method\s*===\s*'POST'|\bhandleForm\(/.test(source)) out.push(`POST ${path}`);
    }
  }
  return out.sort();
}

/** "METHOD /api/path/:param" for every API route (middleware and catch-alls left out). */
export function apiRoutes(): string[] {
  const out = api.routes.filter((r) => !(r.method === 'ALL' && r.path.endsWith('*'))).map((r) => `${r.method} /api${r.path}`.replace(/(.)\/$/, '$1'));
  return [...new Set(out)].sort();
}
