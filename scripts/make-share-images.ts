/**
 * `npm run make:share-images`: draws the share card (og-image.png, 1200×630) and the home-screen
 * icon (apple-touch-icon.png, 180×180) into site/public with Debian's Chromium, from the same mark
 * as favicon.svg. Run it after changing the mark or the words; the PNGs are committed, so builds
 * and CI never need to draw them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const PUBLIC = path.resolve(import.meta.dirname, '../site/public');
const mark = await readFile(path.join(PUBLIC, 'favicon.svg'), 'utf8');
// A CJK font that Debian ships (fonts-wqy-microhei); the picture keeps its glyphs, the site loads no font.
const FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

const card = `<!doctype html><meta charset="utf-8"><body style="margin:0;width:1200px;height:630px;background:#fffdf8;font-family:${FONT};color:#1f2328;display:flex;align-items:center;gap:64px;padding:0 96px;box-sizing:border-box;border-bottom:24px solid #a33a1c">
<div style="width:260px;height:260px;flex:none">${mark.replace('<svg ', '<svg width="260" height="260" ')}</div>
<div><div style="font-size:140px;font-weight:700;line-height:1.1">守望</div>
<div style="font-size:52px;margin-top:24px">和留守的孩子在一起</div>
<div style="font-size:34px;margin-top:28px;color:#57606a">乡村学校关爱留守儿童 · 心愿墙 · 志愿者报名</div></div></body>`;
// A home-screen icon has no transparency and no rounded corners of its own: the phone rounds it.
const icon = `<!doctype html><body style="margin:0;width:180px;height:180px;background:#a33a1c">${mark.replace('<svg ', '<svg width="180" height="180" ').replace('rx="7"', 'rx="0"')}</body>`;

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox'] });
for (const [html, file, width, height] of [[card, 'og-image.png', 1200, 630], [icon, 'apple-touch-icon.png', 180, 180]] as const) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.setContent(html);
  await page.screenshot({ path: path.join(PUBLIC, file), type: 'png' });
  console.log(`wrote site/public/${file} (${width}×${height})`);
}
await browser.close();
