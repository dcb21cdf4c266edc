/** Shared names for the console's pages and forms. */
import type { SiteCookie } from '#worker/platform/auth/cookies.ts';

export const LOGIN_PATH = '/admin/login';
export const CSRF_FIELD = '_csrf';
/** The login form's pre-session token, double-submitted as a cookie and a hidden field. */
export const LOGIN_CSRF_COOKIE: SiteCookie = { name: 'sw_login_csrf' };

/** Only same-site console paths may be a post-login destination (no open redirect). */
export function safeNext(next: string | null): string {
  return next && /^\/admin(\/[\w\-/.?=&%]*)?$/.test(next) && !next.startsWith('//') ? next : '/admin/';
}
