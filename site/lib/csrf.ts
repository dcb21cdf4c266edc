/**
 * The one CSRF mechanism for every form on the site. Each form posts a hidden
 * `_csrf` (the <PostForm> component puts it there) and site/middleware.ts checks
 * it before any page runs. Its value depends on who is visiting:
 * - a coordinator: the session's own token;
 * - a volunteer (their private link's cookie): a token derived from that link;
 * - nobody signed in yet (coordinator login, volunteer sign-up): a token
 *   double-submitted as a cookie and the field.
 * A state change from another site is refused whatever the token says.
 */
import type { APIContext } from 'astro';
import { isCrossSite, sameSecret } from '#worker/platform/auth/request-origin.ts';
import type { CoordinatorSession } from '#worker/platform/auth/session.ts';
import type { SiteCookie } from '#worker/platform/auth/cookies.ts';
import { pageCookies } from './cookies';
import { presessionToken } from './presession-token';
import { volunteerSession, type VolunteerSession } from './volunteer-session';
import { siteDb } from './db';

export const CSRF_FIELD = '_csrf';

/** The login form's and the sign-up form's pre-session token cookies. */
export const LOGIN_CSRF_COOKIE: SiteCookie = { name: 'sw_login_csrf' };
export const SIGNUP_CSRF_COOKIE: SiteCookie = { name: 'sw_signup_csrf' };

/** Pages whose forms are filled in before anyone is signed in, by route, and their token's cookie. */
const PRESESSION_FORMS: Record<string, SiteCookie> = {
  '/admin/login': LOGIN_CSRF_COOKIE,
  '/volunteer': SIGNUP_CSRF_COOKIE,
};

/**
 * The routes that answer a refused post themselves (the form comes back filled in, or the visitor
 * is told to sign in first). Every other refused post gets a plain 403 before any page code runs,
 * so a page added later is protected without knowing about any of this.
 */
export const ANSWERS_OWN_REFUSAL = new Set(['/admin/login', '/volunteer', '/wall/[code]', '/me']);

export interface Csrf {
  /** The value this visitor's forms carry in `_csrf` ('' when they have nothing to post with). */
  token(): Promise<string>;
  /** True when this request posted something that must not change anything: from another site, with a wrong token, or with none to check. */
  refused: boolean;
}

/** What a page may ask of the visitor: the volunteer behind the private link's cookie, looked up once per request. */
export type VolunteerLookup = () => Promise<VolunteerSession | null>;

export function volunteerLookup(request: Request): VolunteerLookup {
  let found: Promise<VolunteerSession | null> | undefined;
  return () => (found ??= volunteerSession(siteDb(), request));
}

/**
 * The CSRF check for one request. A post with nothing to check against (nobody signed in, not a
 * pre-session form) is refused too. A refused pre-session token is replaced, so the form comes
 * back with a fresh one.
 */
export async function checkCsrf(ctx: APIContext, coordinator: CoordinatorSession | undefined, volunteer: VolunteerLookup): Promise<Csrf> {
  const cookie = PRESESSION_FORMS[ctx.routePattern];
  const presession = cookie ? presessionToken(pageCookies(ctx.cookies, ctx.url), cookie) : null;
  const token = async () => coordinator?.csrfToken ?? presession?.value ?? (await volunteer())?.formToken ?? '';
  if (ctx.request.method === 'GET' || ctx.request.method === 'HEAD') return { token, refused: false };

  const refuse = (): Csrf => {
    presession?.renew();
    return { token, refused: true };
  };
  if (isCrossSite(ctx.request)) return refuse();
  const expected = coordinator ? coordinator.csrfToken : presession ? presession.value : (await volunteer())?.formToken;
  if (expected === undefined) return refuse();
  const posted = (await ctx.request.clone().formData().catch(() => null))?.get(CSRF_FIELD)?.toString();
  const matches = presession ? presession.matches(posted) : sameSecret(posted, expected);
  return matches ? { token, refused: false } : refuse();
}
