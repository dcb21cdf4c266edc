// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://shouwang.example.cn',
  srcDir: './site',
  output: 'static',
  adapter: cloudflare({
    // No image transforms: pages carry no photos, and this avoids an IMAGES binding.
    imageService: 'passthrough',
  }),
  // Sessions are ours (D1-backed), not Astro's KV sessions.
  session: false,
  build: { inlineStylesheets: 'always' },
  compressHTML: true,
});
