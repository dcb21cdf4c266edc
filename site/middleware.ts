/**
 * In front of every on-demand page. The console's door: a live session or the
 * login page. Every post's CSRF check (site/lib/csrf.ts), done here once so that
 * no page can forget it: a refused post gets a plain 403 before the page runs,
 * except on the few pages that answer it themselves with the form still filled
 * in (their form helper, handleForm in site/lib/forms.ts, then runs nothing).
 */
import { defineMiddleware } from 'astro:middleware';
import { isCrossSite } from '#worker/platform/auth/request-origin.ts';
import { readCookie } from '#worker/platform/auth/cookies.ts';
import { readSession, SESSION_COOKIE } from '#worker/platform/auth/session.ts';
import { siteDb } from '#site/lib/db.ts';
import { LOGIN_PATH } from '#site/lib/console.ts';
import { ANSWERS_OWN_REFUSAL, checkCsrf, volunteerLookup } from '#site/lib/csrf.ts';

const forbidden = (back: 'console' | 'site') =>
  new Response(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>请求被拒绝 · 守望</title><h1>请求被拒绝</h1><p role="alert">这个请求没有有效的表单令牌，或者来自其他网站。请回到${back === 'console' ? '<a href="/admin/">协调员后台</a>' : '<a href="/">首页</a>'}重新操作。</p></html>`, {
    status: 403,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });

const isConsole = (path: string) => path === '/admin' || path.startsWith('/admin/');

export const onRequest = defineMiddleware(async (ctx, next) => {
  if (ctx.isPrerendered) return next();
  const path = ctx.url.pathname;
  const changes = ctx.request.method !== 'GET' && ctx.request.method !== 'HEAD';
  ctx.locals.volunteer = volunteerLookup(ctx.request);

  if (!isConsole(path)) {
    ctx.locals.csrf = await checkCsrf(ctx, undefined, ctx.locals.volunteer);
    if (ctx.locals.csrf.refused && !ANSWERS_OWN_REFUSAL.has(ctx.routePattern)) return forbidden('site');
    return next();
  }

  if (changes && isCrossSite(ctx.request)) return forbidden('console');
  // The login page answers its own (pre-session) token's refusal, keeping what was typed.
  if (path !== LOGIN_PATH) {
    const session = await readSession(siteDb(), readCookie(ctx.request, SESSION_COOKIE), new Date());
    if (!session) {
      const back = changes ? '/admin/' : path + ctx.url.search;
      // Not ctx.redirect: this answer must not be cached either.
      return new Response(null, { status: 303, headers: { Location: `${LOGIN_PATH}?next=${encodeURIComponent(back)}`, 'Cache-Control': 'no-store' } });
    }
    ctx.locals.coordinator = session;
  }
  ctx.locals.csrf = await checkCsrf(ctx, ctx.locals.coordinator, ctx.locals.volunteer);
  if (ctx.locals.csrf.refused && !ANSWERS_OWN_REFUSAL.has(ctx.routePattern)) return forbidden('console');

  const response = await next();
  // Console pages are private: never kept by a browser or a proxy.
  response.headers.set('Cache-Control', 'no-store');
  return response;
});
