// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';
import sitemap from '@astrojs/sitemap';
import { isHiddenFromSearch } from '#worker/platform/http/private-paths.ts';

// The production domain (a custom domain: *.workers.dev is unreliable from mainland China).
const site = process.env.SITE_URL ?? 'https://shouwang.example.cn';

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
      // The wish wall and the sign-up form are rendered on demand, so the sitemap is told about them.
      customPages: [`${site}/wall/`, `${site}/volunteer/`],
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
