/**
 * Public pages are prerendered, the same for everyone. A browser that holds a volunteer's
 * private-link cookie gets "我的认领" in the navigation, unhidden here as the page goes out, so a
 * volunteer can always find their way back to /me. Presence of the cookie is enough to offer the
 * link (no database read); /me itself checks it.
 */
import { readCookie } from '#worker/platform/auth/cookies.ts';
import { VOLUNTEER_COOKIE } from '#worker/platform/auth/volunteer-access.ts';
import { isPrivatePage } from './private-paths';

export function revealVolunteerNav(request: Request, response: Response): Response {
  if (!response.headers.get('Content-Type')?.startsWith('text/html') || !readCookie(request, VOLUNTEER_COOKIE)) return response;
  const rewritten = new HTMLRewriter().on('li[data-volunteer-nav]', { element: (el) => void el.removeAttribute('hidden') }).transform(response);
  const out = new Response(rewritten.body, rewritten);
  // This copy is one volunteer's: no shared cache may keep it for others (private pages are no-store already).
  if (!isPrivatePage(new URL(request.url).pathname)) out.headers.set('Cache-Control', 'private, no-cache');
  out.headers.append('Vary', 'Cookie');
  return out;
}
