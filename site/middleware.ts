/**
 * The console's door, in front of every /admin page: a live session or the
 * login page; a state change from another site or without the form's CSRF
 * token is refused (403) before the page runs. Other pages pass straight through.
 */
import { defineMiddleware } from 'astro:middleware';
import { isCrossSite, sameSecret } from '#worker/platform/auth/request-origin.ts';
import { readCookie } from '#worker/platform/auth/cookies.ts';
import { readSession, SESSION_COOKIE } from '#worker/platform/auth/session.ts';
import { siteDb } from '#site/lib/db.ts';
import { CSRF_FIELD, LOGIN_PATH } from '#site/lib/console.ts';

const forbidden = () =>
  new Response('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>请求被拒绝 · 守望</title><h1>请求被拒绝</h1><p role="alert">这个请求没有有效的表单令牌，或者来自其他网站。请回到<a href="/admin/">协调员后台</a>重新操作。</p></html>', {
    status: 403,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export const onRequest = defineMiddleware(async (ctx, next) => {
  const path = ctx.url.pathname;
  if (path !== '/admin' && !path.startsWith('/admin/')) return next();

  const changes = ctx.request.method !== 'GET' && ctx.request.method !== 'HEAD';
  if (changes && isCrossSite(ctx.request)) return forbidden();

  // The login page checks its own (pre-session) token.
  if (path !== LOGIN_PATH) {
    const session = await readSession(siteDb(), readCookie(ctx.request, SESSION_COOKIE), new Date());
    if (!session) {
      const back = changes ? '/admin/' : path + ctx.url.search;
      // Not ctx.redirect: this answer must not be cached either.
      return new Response(null, { status: 303, headers: { Location: `${LOGIN_PATH}?next=${encodeURIComponent(back)}`, 'Cache-Control': 'no-store' } });
    }
    if (changes) {
      const form = await ctx.request.clone().formData().catch(() => null);
      if (!sameSecret(form?.get(CSRF_FIELD)?.toString(), session.csrfToken)) return forbidden();
    }
    ctx.locals.coordinator = session;
  }

  const response = await next();
  // Console pages are private: never kept by a browser or a proxy.
  response.headers.set('Cache-Control', 'no-store');
  return response;
});
