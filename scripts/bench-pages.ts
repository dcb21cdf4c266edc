/**
 * `npm run bench:pages`: the weight of every built content page (HTML + CSS,
 * gzip), against the 14 KB first-round-trip budget. Exits 1 over budget.
 * Run after `npm run build`.
 */
import path from 'node:path';
import { ROOT } from '../tests/support/local-stack';
import { CONTENT_PAGE_BUDGET, overBudget, weighContentPages } from '../tests/support/page-weight';

const pages = await weighContentPages(path.join(ROOT, 'dist/client'));
if (pages.length === 0) {
  console.error('No built pages in dist/client: run `npm run build` first.');
  process.exit(1);
}
const kb = (n: number) => (n / 1024).toFixed(1);
console.log(`| page | HTML (KB) | of which CSS (KB) | HTML+CSS gzip (KB) | scripts | verdict |`);
console.log(`| --- | ---: | ---: | ---: | ---: | --- |`);
let failed = 0;
for (const p of pages) {
  const problems = overBudget(p);
  if (problems.length) failed++;
  console.log(`| ${p.page} | ${kb(p.htmlBytes)} | ${kb(p.cssBytes)} | ${kb(p.gzipBytes)} | ${p.scripts} | ${problems.length ? `OVER: ${problems.join(', ')}` : 'ok'} |`);
}
console.log(`\nbudget: ${kb(CONTENT_PAGE_BUDGET)} KB gzip per page, no script, no web font; ${pages.length - failed} of ${pages.length} pages within it`);
process.exit(failed ? 1 : 0);
