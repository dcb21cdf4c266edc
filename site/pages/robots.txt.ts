import type { APIRoute } from 'astro';
import { ROBOTS_DISALLOW } from '#worker/platform/http/private-paths.ts';

/** Keeps crawlers out of private pages, the console and the API, and names the sitemap by its full address. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site);
  const body = ['User-agent: *', ...ROBOTS_DISALLOW.map((p) => `Disallow: ${p}`), '', `Sitemap: ${sitemap.href}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
