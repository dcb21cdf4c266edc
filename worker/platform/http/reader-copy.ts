/**
 * Public pages are prerendered, the same for everyone. Two things about the reader change the copy
 * that goes out, and both are applied here as the page streams through, from cookies alone (no
 * database read):
 * - a browser holding a volunteer's private-link cookie gets "我的认领" in the navigation, so a
 *   volunteer can always find their way back to /me (/me itself checks the cookie);
 * - a reader who chose large text (text-size.ts) gets the page marked for the larger type scale,
 *   with the switch back to standard text in place of the switch to large text.
 */
import { cookieName, readCookie } from '#worker/platform/auth/cookies.ts';
import { VOLUNTEER_COOKIE } from '#worker/platform/auth/volunteer-access.ts';
import { isPrivatePage } from './private-paths';
import { wantsLargeText } from './text-size';

const unhide = { element: (el: Element) => void el.removeAttribute('hidden') };
const hide = { element: (el: Element) => void el.setAttribute('hidden', '') };

export function personaliseCopy(request: Request, response: Response): Response {
  if (!response.headers.get('Content-Type')?.startsWith('text/html')) return response;
  // The private link's own page sets the cookie as it goes out: its navigation already has the way back.
  const signingIn = response.headers.getSetCookie().some((c) => c.startsWith(`${cookieName(VOLUNTEER_COOKIE, request.url)}=`) && !/Max-Age=0/i.test(c));
  const volunteer = signingIn || readCookie(request, VOLUNTEER_COOKIE) !== undefined;
  const largeText = wantsLargeText(request);
  if (!volunteer && !largeText) return response;
  let rewriter = new HTMLRewriter();
  if (volunteer) rewriter = rewriter.on('li[data-volunteer-nav]', unhide);
  if (largeText) {
    rewriter = rewriter
      .on('html', { element: (el) => void el.setAttribute('class', `${el.getAttribute('class') ?? ''} large-text`.trim()) })
      .on('[data-text-size="large"]', hide)
      .on('[data-text-size="standard"]', unhide);
  }
  const rewritten = rewriter.transform(response);
  const out = new Response(rewritten.body, rewritten);
  // This copy is one reader's: no shared cache may keep it for others (private pages are no-store already).
  if (!isPrivatePage(new URL(request.url).pathname)) out.headers.set('Cache-Control', 'private, no-cache');
  out.headers.append('Vary', 'Cookie');
  return out;
}
