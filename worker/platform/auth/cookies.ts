/**
 * The one rule for every cookie the site sets or reads (issue 13). Over HTTPS a
 * cookie is named `__Host-<name>` and carries Secure and Path=/ with no Domain,
 * so neither a sibling subdomain nor a plain-http page can plant or overwrite it
 * (RFC 6265bis "cookie prefixes"). Over plain http (local dev and tests on
 * 127.0.0.1) browsers refuse Secure cookies, so the plain name is used there.
 * Hono answers use the header functions; Astro pages go through site/lib/cookies.ts.
 */

/** One of the site's cookies: its plain name and how long it lives. */
export interface SiteCookie {
  name: string;
  /** Seconds; none means the cookie ends with the browser session. */
  maxAgeS?: number;
  /** Lax unless the cookie is only ever needed on same-site requests. */
  sameSite?: 'lax' | 'strict';
}

/** The attributes in the shape Astro.cookies takes them. */
export interface CookieAttributes {
  path: '/';
  httpOnly: true;
  secure: boolean;
  sameSite: 'lax' | 'strict';
  maxAge?: number;
}

/** Whether a request arrived over HTTPS. */
export const isHttps = (url: string | URL): boolean => new URL(url).protocol === 'https:';

/** The name a cookie goes by for a request on this URL's scheme. */
export function cookieName(cookie: SiteCookie, url: string | URL): string {
  return isHttps(url) ? `__Host-${cookie.name}` : cookie.name;
}

/** Name and attributes of a cookie for this URL: always HttpOnly, Path=/, no Domain; Secure over HTTPS. */
export function cookieSpec(cookie: SiteCookie, url: string | URL): { name: string; attributes: CookieAttributes } {
  const attributes: CookieAttributes = { path: '/', httpOnly: true, secure: isHttps(url), sameSite: cookie.sameSite ?? 'lax' };
  if (cookie.maxAgeS !== undefined) attributes.maxAge = cookie.maxAgeS;
  return { name: cookieName(cookie, url), attributes };
}

/** A Set-Cookie header value that sets a cookie (for Hono answers). */
export function setCookieHeader(cookie: SiteCookie, value: string, url: string | URL, maxAgeS = cookie.maxAgeS): string {
  const { name, attributes: a } = cookieSpec(cookie, url);
  const sameSite = a.sameSite === 'strict' ? 'Strict' : 'Lax';
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', `SameSite=${sameSite}`, ...(maxAgeS === undefined ? [] : [`Max-Age=${maxAgeS}`]), ...(a.secure ? ['Secure'] : [])].join('; ');
}

/** A Set-Cookie header value that deletes a cookie. */
export function clearCookieHeader(cookie: SiteCookie, url: string | URL): string {
  return setCookieHeader(cookie, '', url, 0);
}

/** The value of one of the site's cookies in a request, read under the name its scheme gives it. */
export function readCookie(request: Request, cookie: SiteCookie): string | undefined {
  const header = request.headers.get('Cookie');
  if (!header) return undefined;
  const wanted = cookieName(cookie, request.url);
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === wanted) return v.join('=');
  }
  return undefined;
}
