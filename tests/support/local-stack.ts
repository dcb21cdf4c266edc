/**
 * Local stack helpers shared by `npm start` and the browser tests: apply
 * migrations to a local D1, load the demo, serve the built Worker.
 * Everything here is local-only: wrangler's --local mode, no account.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { LOCAL_DEVICE_SECRET } from '#worker/platform/auth/local-device-secret.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { loadDemo, type DemoLoadResult } from './demo/load-demo';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const WRANGLER = path.join(path.dirname(require.resolve('wrangler/package.json')), 'bin/wrangler.js');
/** The source config; after `astro build` wrangler itself prefers the generated dist/server/wrangler.json. */
const SOURCE_CONFIG = path.join(ROOT, 'wrangler.toml');

/** Runs wrangler on the same Node as this process (Node 22 under npm scripts). */
function wrangler(args: string[], opts: { quiet?: boolean } = {}): ChildProcess {
  return spawn(process.execPath, [WRANGLER, ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' },
    stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
}

function finished(child: ChildProcess, what: string): Promise<void> {
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (exit ${code})\n${output}`))));
  });
}

/** Applies drizzle/ migrations to the local D1 kept under `persistTo`. */
export async function applyLocalMigrations(persistTo: string, quiet = false): Promise<void> {
  await finished(
    wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo, '-c', SOURCE_CONFIG], { quiet }),
    'wrangler d1 migrations apply',
  );
}

/** Loads the demo data set into the local D1 kept under `persistTo`. */
export async function seedLocalDemo(persistTo: string): Promise<DemoLoadResult> {
  const proxy = await getPlatformProxy<Env>({
    configPath: SOURCE_CONFIG,
    // wrangler's --persist-to X keeps its data in X/v3.
    persist: { path: path.join(persistTo, 'v3') },
    remoteBindings: false,
  });
  try {
    return await loadDemo(getDb(proxy.env.DB));
  } finally {
    await proxy.dispose();
  }
}

/** Serves the built site and API with `wrangler dev` on 127.0.0.1. */
export function serveBuilt(port: number, persistTo: string, quiet = false): ChildProcess {
  return wrangler(
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, '--show-interactive-dev-session=false', '--var', 'SHOUWANG_ENV:local', '--var', 'SIGNUP_RATE_LIMIT:1000', '--var', 'SIGNUP_RATE_WINDOW_SECONDS:60', '--var', `DEVICE_COOKIE_SECRET:${LOCAL_DEVICE_SECRET}`],
    { quiet },
  );
}

/** Resolves once GET /api/health answers 200, or fails after `timeoutMs`. */
export async function waitForHealthy(baseUrl: string, timeoutMs = 60_000, server?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode}) before answering`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs} ms`);
}

/** A TCP port nobody is listening on, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
