declare namespace Cloudflare {
  interface Env {
    /** drizzle/ migrations, read by vitest.config.ts and applied by apply-migrations.ts. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
