// The bindings this Worker is given (wrangler.jsonc). Declared by hand rather
// than with `wrangler types` so the types stay small and readable.
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    ASSETS: Fetcher;
    /** "local" under wrangler dev and tests; unset in production. */
    SHOUWANG_ENV?: string;
    /** Sign-ups allowed per address per window (wrangler vars): strict in production. */
    SIGNUP_RATE_LIMIT?: string;
    SIGNUP_RATE_WINDOW_SECONDS?: string;
    /** Signs device cookies (worker/platform/auth/device-cookie.ts): a `wrangler secret` in production. */
    DEVICE_COOKIE_SECRET?: string;
  }
}
interface Env extends Cloudflare.Env {}
declare namespace Cloudflare {
  interface GlobalProps {
    // Types `exports` from 'cloudflare:workers' (used by the tests to call the Worker).
    mainModule: typeof import('./index');
  }
}
