import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./drizzle');
  return {
    test: {
      projects: [
        {
          // Domain and route tests inside workerd, against real local D1 with the migrations applied.
          plugins: [
            cloudflareTest({
              // The Hono app alone: vitest cannot load Astro's virtual modules.
              main: './tests/worker/test-entry.ts',
              wrangler: { configPath: './wrangler.jsonc' },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations, SHOUWANG_ENV: 'test', SIGNUP_RATE_LIMIT: '1000', SIGNUP_RATE_WINDOW_SECONDS: '60' } },
            }),
          ],
          test: {
            name: 'worker',
            include: ['tests/worker/**/*.test.ts'],
            setupFiles: ['./tests/worker/apply-migrations.ts'],
          },
        },
        {
          // Node-side checks: the build, its inputs and the project's commands.
          test: {
            name: 'build',
            include: ['tests/build/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
          },
        },
        {
          // Browser tests: Debian's Chromium against the built site served by wrangler dev.
          test: {
            name: 'browser',
            include: ['tests/browser/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['./tests/browser/serve-built-site.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
