/**
 * `npm start`: local D1 migrations, the demo data, a fresh build, then the
 * Worker on http://127.0.0.1:$PORT (8787 by default). Local only.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEMO_COORDINATOR } from '../tests/support/demo/demo-data';
import { applyLocalMigrations, ROOT, seedLocalDemo, serveBuilt, waitForHealthy } from '../tests/support/local-stack';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Node ${process.versions.node} is too old: run this through npm (npm start), which uses the project's Node 22.`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8787);
const persistTo = path.join(ROOT, '.wrangler/state');
const started = Date.now();

console.log('1/4 applying migrations to the local D1 database…');
await applyLocalMigrations(persistTo);
console.log('2/4 loading the demo campaign…');
const demo = await seedLocalDemo(persistTo);
console.log(`    demo: ${demo.cards} wish cards, ${demo.volunteers} volunteers, ${demo.claims} claims (existing rows kept)`);
console.log('3/4 building the site…');
const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

console.log('4/4 starting the server…');
const server = serveBuilt(port, persistTo);
const url = `http://127.0.0.1:${port}`;
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
await waitForHealthy(url, 90_000, server);
console.log(`
  守望 is running at ${url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
  Console login (local demo only): username "${DEMO_COORDINATOR.username}", password "${DEMO_COORDINATOR.password}"
  Press Ctrl+C to stop.
`);
