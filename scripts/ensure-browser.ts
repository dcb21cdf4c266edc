/**
 * Makes sure the browser tests have what they need from Debian: Chromium, and a
 * Chinese font (without one, pages render as boxes and the printed letter has no
 * text to check). Installs them with apt-get when running as root; otherwise
 * stops with one line saying how.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasChineseFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

const missing: string[] = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasChineseFont()) missing.push('fonts-wqy-microhei');

if (missing.length) {
  const how = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`Browser tests need ${missing.join(' and ')}: run "sudo ${how}", then npm test again.`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(' and ')} from Debian (about a minute)…`);
  const apt = (args: string[]) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', '--no-install-recommends', ...missing])) {
    console.error(`Installing ${missing.join(' and ')} with apt-get failed: see the output above.`);
    process.exit(1);
  }
  if (!existsSync(CHROMIUM) || !hasChineseFont()) {
    console.error('apt-get finished but Chromium or a Chinese font is still missing.');
    process.exit(1);
  }
}
