/**
 * Every cookie goes through the one helper that names and secures it
 * (worker/platform/auth/cookies.ts, and site/lib/cookies.ts for pages): a new cookie
 * set or read any other way could miss the __Host- prefix over HTTPS.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/local-stack';

const HELPERS = new Set(['worker/platform/auth/cookies.ts', 'site/lib/cookies.ts']);
/** Ways to touch a cookie that bypass the helper. */
const BYPASSES: [string, RegExp][] = [
  ['Astro.cookies used directly', /Astro\.cookies\.(get|set|delete|has)\(/],
  ['a cookie named by a string', /\bcookies\.(get|set|delete|has)\(\s*['"`]/],
  ['hono/cookie', /from ['"]hono\/cookie['"]/],
  ['a Cookie header read by hand', /header(s\.get)?\(\s*['"]cookie['"]\s*\)/i],
  ['a Set-Cookie header not built by the helper', /['"]set-cookie['"](?![^\n]*\b(setCookieHeader|clearCookieHeader)\()/i],
];

async function sources(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of ['worker', 'site']) {
    for (const f of await readdir(path.join(ROOT, dir), { recursive: true })) {
      if (/\.(ts|astro)$/.test(f) && !f.endsWith('.d.ts')) out.push(`${dir}/${f}`);
    }
  }
  return out;
}

describe('cookies', () => {
  it('are set and read only through the cookie helper', async () => {
    const files = await sources();
    expect(files).toContain('site/pages/admin/login.astro');
    const found: string[] = [];
    for (const file of files.filter((f) => !HELPERS.has(f))) {
      const text = await readFile(path.join(ROOT, file), 'utf8');
      for (const [what, pattern] of BYPASSES) if (pattern.test(text)) found.push(`${file}: ${what}`);
    }
    expect(found).toEqual([]);
  });
});
