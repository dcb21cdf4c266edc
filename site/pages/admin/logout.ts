import type { APIRoute } from 'astro';
import { SESSION_COOKIE } from '../../../worker/auth/session';
import { logOut } from '../../../worker/domain/coordinator-login';
import { pageCookies } from '../../lib/cookies';
import { siteDb } from '../../lib/db';

export const prerender = false;

/** POST only (the middleware has checked the session and the CSRF token). */
export const POST: APIRoute = async ({ locals, cookies, url, redirect }) => {
  if (locals.coordinator) await logOut(siteDb(), locals.coordinator);
  pageCookies(cookies, url).delete(SESSION_COOKIE);
  return redirect('/admin/login?bye=1', 303);
};

export const GET: APIRoute = ({ redirect }) => redirect('/admin/', 303);
