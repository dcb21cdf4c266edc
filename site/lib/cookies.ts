/**
 * The cookie rule of worker/platform/auth/cookies.ts for Astro pages: every page reads,
 * sets and deletes the site's cookies through this, never Astro.cookies directly.
 */
import type { AstroCookies } from 'astro';
import { cookieName, cookieSpec, type SiteCookie } from '#worker/platform/auth/cookies.ts';

export interface PageCookies {
  get(cookie: SiteCookie): string | undefined;
  set(cookie: SiteCookie, value: string): void;
  delete(cookie: SiteCookie): void;
}

/** The site's cookies for one page request (`url` decides __Host- and Secure). */
export function pageCookies(cookies: AstroCookies, url: URL): PageCookies {
  return {
    get: (cookie) => cookies.get(cookieName(cookie, url))?.value,
    set: (cookie, value) => {
      const { name, attributes } = cookieSpec(cookie, url);
      cookies.set(name, value, attributes);
    },
    delete: (cookie) => {
      const { name, attributes: { maxAge: _maxAge, ...attributes } } = cookieSpec(cookie, url);
      cookies.delete(name, attributes);
    },
  };
}
