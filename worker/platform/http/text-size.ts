/**
 * Large-text mode (大字版) without JavaScript: every page links to /text-size, which remembers the
 * choice in a cookie and sends the reader back where they were. The page itself is not rendered
 * differently; the Worker marks the copy that goes out (reader-copy.ts), so prerendered pages keep
 * working and the switch costs no database read.
 */
import type { Context } from 'hono';
import { clearCookieHeader, readCookie, setCookieHeader, type SiteCookie } from '#worker/platform/auth/cookies.ts';
import { NOINDEX } from './private-paths';

export const TEXT_SIZE_COOKIE: SiteCookie = { name: 'sw_text', maxAgeS: 365 * 24 * 60 * 60 };
export const TEXT_SIZE_PATH = '/text-size';

export type TextSize = 'large' | 'standard';

export const wantsLargeText = (request: Request): boolean => readCookie(request, TEXT_SIZE_COOKIE) === 'large';

/**
 * Where to send the reader back to: a path on this site only, so the switch can never be used to
 * bounce someone to another site. Anything else goes to the home page.
 */
export function safeReturnPath(back: string | undefined): string {
  if (!back || !back.startsWith('/') || back.startsWith('//') || back.includes('\\')) return '/';
  try {
    const url = new URL(back, 'http://x');
    const path = `${url.pathname}${url.search}`;
    // Checked again after parsing: "/.//host" normalises to "//host", which a browser reads as another site.
    return url.host === 'x' && !path.startsWith('//') ? path : '/';
  } catch {
    return '/';
  }
}

/** The link a page shows to switch to `size` and come back to `back`. */
export const textSizeHref = (size: TextSize, back: string): string =>
  `${TEXT_SIZE_PATH}?size=${size}&back=${encodeURIComponent(back)}`;

/** GET /text-size?size=large|standard&back=/path: remember the choice, then go back (303). */
export function switchTextSize(c: Context): Response {
  const large = c.req.query('size') === 'large';
  const url = c.req.url;
  const headers = new Headers({
    Location: safeReturnPath(c.req.query('back')),
    'Set-Cookie': large ? setCookieHeader(TEXT_SIZE_COOKIE, 'large', url) : clearCookieHeader(TEXT_SIZE_COOKIE, url),
    'Cache-Control': 'no-store',
    'X-Robots-Tag': NOINDEX,
  });
  return new Response(null, { status: 303, headers });
}
