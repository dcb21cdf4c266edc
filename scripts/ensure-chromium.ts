/**
 * Makes sure Debian's Chromium is there for the browser tests: installs it with
 * apt-get when running as root, otherwise stops with one line saying how.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${CHROMIUM}: install it with "sudo apt-get update && sudo apt-get install -y chromium", then run npm test again.`);
    process.exit(1);
  }
  console.log('Chromium is missing: installing Debian’s chromium package (about a minute)…');
  const apt = (args: string[]) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']) || !existsSync(CHROMIUM)) {
    console.error('Installing chromium with apt-get failed: see the output above.');
    process.exit(1);
  }
}
