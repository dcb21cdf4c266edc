import type { MiddlewareHandler } from 'hono';
import { isHiddenFromSearch, isPrivatePage, NOINDEX } from './private-paths';

/**
 * Headers every response carries. Styles are inlined by Astro (one round trip on
 * a weak network), hence 'unsafe-inline' for styles only; scripts are ours alone.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/**
 * Powerful features the site never uses, switched off for it and anything it might embed: no
 * page asks for a camera, a microphone, a location, a payment or a device, and none joins an
 * advertising cohort (interest-cohort, browsing-topics). Only features Chromium recognises: an
 * unknown one ("ambient-light-sensor", "bluetooth" in Chromium 156) is a console warning on every page.
 */
const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'browsing-topics', 'camera', 'clipboard-read', 'compute-pressure', 'display-capture',
  'encrypted-media', 'fullscreen', 'gamepad', 'geolocation', 'gyroscope', 'hid', 'identity-credentials-get',
  'idle-detection', 'interest-cohort', 'local-fonts', 'magnetometer', 'microphone', 'midi', 'otp-credentials', 'payment',
  'picture-in-picture', 'publickey-credentials-create', 'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb',
  'window-management', 'xr-spatial-tracking',
].map((feature) => `${feature}=()`).join(', ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // Responses from the assets binding have immutable headers: copy before changing.
  const res = new Response(c.res.body, c.res);
  const h = res.headers;
  h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  h.set('X-Content-Type-Options', 'nosniff');
  // Private links carry tokens in their path: never send them to another site.
  h.set('Referrer-Policy', 'same-origin');
  h.set('X-Frame-Options', 'DENY');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  h.set('Permissions-Policy', PERMISSIONS_POLICY);
  const url = new URL(c.req.url);
  // Browsers only heed HSTS over HTTPS; production is HTTPS-only on its custom domain.
  if (url.protocol === 'https:') h.set('Strict-Transport-Security', 'max-age=31536000');
  // Private pages (a volunteer's and the console's) are never cached. The private link's own page
  // (its address is the key) sends no Referer at all; it has no forms, because with no-referrer browsers send
  // "Origin: null" on a POST, which the origin checks rightly refuse. /me carries no token in its address.
  const path = url.pathname;
  if (path.startsWith('/v/')) h.set('Referrer-Policy', 'no-referrer');
  if (isPrivatePage(path)) h.set('Cache-Control', 'no-store');
  // Search engines keep out of private pages and the API even when someone links to them.
  if (isHiddenFromSearch(path)) h.set('X-Robots-Tag', NOINDEX);
  // WeChat's browser caches HTML hard; make it revalidate so updates show.
  if (h.get('Content-Type')?.startsWith('text/html') && !h.has('Cache-Control')) {
    h.set('Cache-Control', 'no-cache');
  }
  c.res = res;
};
