/**
 * Global setup for the browser tests: a throwaway local D1 with the migrations
 * and the demo, and the built Worker served by wrangler dev on a free port.
 * The test command builds first (`astro build`); this only serves.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyLocalMigrations, freePort, ROOT, seedLocalDemo, serveBuilt, waitForHealthy } from './local-stack';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(ROOT, 'dist/server/wrangler.json'))) {
    throw new Error('No build found: run the browser tests through `npm test`, which builds the site first.');
  }
  const persistTo = await mkdtemp(path.join(tmpdir(), 'shouwang-browser-'));
  await applyLocalMigrations(persistTo, true);
  await seedLocalDemo(persistTo);
  const port = await freePort();
  const server = serveBuilt(port, persistTo, true);
  let log = '';
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(baseUrl, 60_000, server);
  } catch (err) {
    server.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n--- wrangler dev output ---\n${log}`);
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
    await rm(persistTo, { recursive: true, force: true });
  };
}
