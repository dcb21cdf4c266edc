import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/local-stack';

/** Loads the Astro config as a production build would (`astro sync` starts the same way), with this SITE_URL. */
function productionConfig(siteUrl: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, SHOUWANG_PRODUCTION: '1', ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.SITE_URL;
  if (siteUrl !== undefined) env.SITE_URL = siteUrl;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('a production build', () => {
  it('stops with one clear line when the site’s real address is missing or a placeholder, so no letter’s QR code points nowhere', () => {
    for (const siteUrl of [undefined, 'https://shouwang.example.cn', 'http://127.0.0.1:8787', 'http://school.cn']) {
      const { status, output } = productionConfig(siteUrl);
      expect(status, String(siteUrl)).not.toBe(0);
      expect(output, String(siteUrl)).toContain('生产构建需要网站的真实地址：请设置 SITE_URL=https://你的域名');
    }
  });
});
