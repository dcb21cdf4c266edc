import type { APIRoute } from 'astro';
import { SESSION_COOKIE } from '../../../worker/auth/session';
import { logOut } from '../../../worker/domain/coordinator-login';
import { siteDb } from '../../lib/db';

export const prerender = false;

/** POST only (the middleware has checked the session and the CSRF token). */
export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  if (locals.coordinator) await logOut(siteDb(), locals.coordinator);
  cookies.delete(SESSION_COOKIE, { path: '/' });
  return redirect('/admin/login?bye=1', 303);
};

export const GET: APIRoute = ({ redirect }) => redirect('/admin/', 303);
