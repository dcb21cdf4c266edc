/**
 * The device-cookie secret for local dev and the tests only (vitest bindings,
 * `wrangler dev --var`). worker/platform/auth/device-cookie.ts refuses it wherever
 * SHOUWANG_ENV is not "local" or "test", so it never signs a production cookie; production
 * sets DEVICE_COOKIE_SECRET with `wrangler secret put` (README).
 */
export const LOCAL_DEVICE_SECRET = 'local-only-device-cookie-secret-do-not-deploy';
