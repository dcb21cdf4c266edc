import type { APIRoute } from 'astro';
import { SESSION_COOKIE } from '#worker/platform/auth/session.ts';
import { logOut } from '#worker/console/index.ts';
import { pageCookies } from '#site/lib/cookies.ts';
import { siteDb } from '#site/lib/db.ts';

export const prerender = false;

/** POST only (the middleware has checked the session and the CSRF token). */
export const POST: APIRoute = async ({ locals, cookies, url, redirect }) => {
  if (locals.coordinator) await logOut(siteDb(), locals.coordinator);
  pageCookies(cookies, url).delete(SESSION_COOKIE);
  return redirect('/admin/login?bye=1', 303);
};

export const GET: APIRoute = ({ redirect }) => redirect('/admin/', 303);
