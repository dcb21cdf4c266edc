import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
// With its extension: the config loader runs this file as it is.
import { LOCAL_DEVICE_SECRET } from '#worker/platform/auth/local-device-secret.ts';

const BUILT_WORKER_CONFIG = './dist/server/wrangler.json';

/**
 * The built Worker's config without its module rules: they mark every .js as an ES module,
 * which breaks the CommonJS dependencies (papaparse) of the source modules the tests import.
 * Written beside the original so its relative paths still hold.
 */
function siteTestConfig(): string {
  const { rules: _rules, ...config } = JSON.parse(readFileSync(BUILT_WORKER_CONFIG, 'utf8'));
  const out = './dist/server/wrangler.site-tests.json';
  writeFileSync(out, JSON.stringify(config));
  return out;
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./drizzle');
  // Local-only values: generous sign-up limits and the local device-cookie secret.
  const bindings = { TEST_MIGRATIONS: migrations, SHOUWANG_ENV: 'test', SIGNUP_RATE_LIMIT: '1000', SIGNUP_RATE_WINDOW_SECONDS: '60', DEVICE_COOKIE_SECRET: LOCAL_DEVICE_SECRET };
  return {
    test: {
      projects: [
        {
          // Domain and route tests inside workerd, against real local D1 with the migrations applied.
          plugins: [
            cloudflareTest({
              // The Hono app alone: vitest cannot load Astro's virtual modules.
              main: './tests/worker/test-entry.ts',
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings },
            }),
          ],
          test: {
            name: 'worker',
            include: ['tests/worker/**/*.test.ts'],
            setupFiles: ['./tests/support/apply-migrations.ts'],
          },
        },
        existsSync(BUILT_WORKER_CONFIG)
          ? {
              // The whole built Worker (Astro pages, assets and API) inside workerd with real local D1:
              // the site-wide sweeps that need both every route and direct access to the database.
              plugins: [
                cloudflareTest({
                  main: './dist/server/entry.mjs',
                  wrangler: { configPath: siteTestConfig() },
                  miniflare: { bindings },
                }),
              ],
              test: {
                name: 'site',
                include: ['tests/site/**/*.test.ts'],
                setupFiles: ['./tests/support/apply-migrations.ts'],
                testTimeout: 120_000,
                hookTimeout: 120_000,
              },
            }
          : {
              // Without a build there is no Worker to load: say so instead of skipping silently.
              test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['./tests/support/needs-build.ts'] },
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
            globalSetup: ['./tests/support/serve-built-site.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
