// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';
import sitemap from '@astrojs/sitemap';
import { isHiddenFromSearch } from '#worker/platform/http/private-paths.ts';

// The production domain (a custom domain: *.workers.dev is unreliable from mainland China).
// Local builds (the demo, the tests) use a placeholder; a production build (`npm run build:production`)
// refuses one, so no printed letter's QR code can ever point at it.
const PLACEHOLDER = 'https://shouwang.example.cn';
const site = process.env.SITE_URL ?? PLACEHOLDER;
if (process.env.SHOUWANG_PRODUCTION === '1' && (!process.env.SITE_URL || /\.example(\.|\/|$)|localhost|127\.0\.0\.1/.test(site) || !site.startsWith('https://'))) {
  throw new Error(`生产构建需要网站的真实地址：请设置 SITE_URL=https://你的域名 再运行 npm run build:production（现在是 ${process.env.SITE_URL ?? '未设置'}）`);
}

export default defineConfig({
  site,
  srcDir: './site',
  // Static files (the favicon) live with the site, not in a top-level public/.
  publicDir: './site/public',
  output: 'static',
  adapter: cloudflare({
    // No image transforms: pages carry no photos, and this avoids an IMAGES binding.
    imageService: 'passthrough',
  }),
  integrations: [
    sitemap({
      // The wish wall, the sign-up form and the past campaigns' records are rendered on demand, so the sitemap is told about them.
      customPages: [`${site}/wall/`, `${site}/volunteer/`, `${site}/campaigns/`],
      // Never the console, the API or anything private.
      filter: (page) => !isHiddenFromSearch(new URL(page).pathname),
    }),
  ],
  // Sessions are ours (D1-backed), not Astro's KV sessions.
  session: false,
  // One round trip on a weak network: CSS inlined into each page.
  build: { inlineStylesheets: 'always' },
  compressHTML: true,
});
