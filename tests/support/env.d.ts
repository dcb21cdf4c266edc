declare namespace Cloudflare {
  interface Env {
    /** drizzle/ migrations, read by vitest.config.ts and applied by apply-migrations.ts. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}

/** Fixture files read as text through Vite's `?raw` import. */
declare module '*?raw' {
  const text: string;
  export default text;
}
