/**
 * Weighs the built content pages as a phone receives them: the HTML plus every
 * stylesheet it links, gzip-compressed, and notes any script or web font.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { CONTENT_PAGE_BUDGET, countScripts, countWebFonts } from './page-budgets';

export { CONTENT_PAGE_BUDGET };

export interface PageWeight {
  page: string;
  htmlBytes: number;
  /** Inline <style> plus linked stylesheets; the inline part is already inside htmlBytes. */
  cssBytes: number;
  gzipBytes: number;
  scripts: number;
  webFonts: number;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every prerendered page under `clientDir` (dist/client), by URL path. */
export async function weighContentPages(clientDir: string): Promise<PageWeight[]> {
  const out: PageWeight[] = [];
  for (const file of await htmlFiles(clientDir)) {
    const html = await readFile(file, 'utf8');
    const cssHrefs = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    const css = (await Promise.all(cssHrefs.map((href) => readFile(path.join(clientDir, href), 'utf8')))).join('\n');
    const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('\n');
    const page = '/' + path.relative(clientDir, file).replace(/index\.html$/, '').replaceAll(path.sep, '/');
    out.push({
      page,
      htmlBytes: Buffer.byteLength(html),
      cssBytes: Buffer.byteLength(inlineCss) + Buffer.byteLength(css),
      gzipBytes: gzipSync(html).length + (css ? gzipSync(css).length : 0),
      scripts: countScripts(html),
      webFonts: countWebFonts(html + css),
    });
  }
  return out;
}

/** Why a page breaks the content-page rules, or an empty list. */
export function overBudget(p: PageWeight): string[] {
  const problems: string[] = [];
  if (p.gzipBytes > CONTENT_PAGE_BUDGET) problems.push(`${p.gzipBytes} B gzip > ${CONTENT_PAGE_BUDGET} B`);
  if (p.scripts > 0) problems.push(`${p.scripts} script tag(s)`);
  if (p.webFonts > 0) problems.push('web font');
  return problems;
}
