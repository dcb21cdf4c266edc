/**
 * `npm run bench:budgets` (after `npm run build`): page weight by page type and
 * Lighthouse scores (mobile profile, Debian's Chromium) for the built site served
 * locally with the demo, as Markdown tables. Exits 1 when a page is over budget.
 * The same budgets are enforced by the test command (tests/site/pages-stay-within-their-weight-budgets,
 * tests/browser/pages-meet-their-lighthouse-budgets); this prints the figures.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { LIGHTHOUSE_BUDGET, LIGHTHOUSE_PAGES, runLighthouse, underBudget } from '../tests/support/lighthouse-audit';
import { applyLocalMigrations, freePort, seedLocalDemo, serveBuilt, waitForHealthy } from '../tests/support/local-stack';
import { countScripts, PAGE_BUDGETS, servedWeight, sitemapPages, type PageType } from '../tests/support/page-budgets';

const persistTo = await mkdtemp(path.join(tmpdir(), 'shouwang-budgets-'));
await applyLocalMigrations(persistTo, true);
await seedLocalDemo(persistTo);
const port = await freePort();
const server = serveBuilt(port, persistTo, true);
const base = `http://127.0.0.1:${port}`;
const kb = (n: number) => (n / 1024).toFixed(1);
let failed = 0;

try {
  await waitForHealthy(base, 60_000, server);
  const get = async (p: string) => (await fetch(`${base}${p}`)).text();
  const sitemap = await get('/sitemap-0.xml');
  const { cards } = JSON.parse(await get('/api/cards')) as { cards: { code: string }[] };
  const pages: [string, PageType][] = [...sitemapPages(sitemap), [`/wall/${cards[0]!.code}`, 'card']];

  console.log('| page | type | HTML+CSS gzip (KB) | budget (KB) | scripts | verdict |\n| --- | --- | ---: | ---: | ---: | --- |');
  for (const [p, type] of pages) {
    const html = await get(p);
    const { gzip } = await servedWeight(html, get, (text) => gzipSync(text).length);
    const ok = gzip <= PAGE_BUDGETS[type] && countScripts(html) === 0;
    if (!ok) failed++;
    console.log(`| ${p} | ${type} | ${kb(gzip)} | ${kb(PAGE_BUDGETS[type])} | ${countScripts(html)} | ${ok ? 'ok' : 'OVER'} |`);
  }
  console.log('\n(The wall\'s worst case, 24 cards with every text at its maximum length, is weighed by tests/site/pages-stay-within-their-weight-budgets.test.ts.)\n');

  const results = await runLighthouse([...LIGHTHOUSE_PAGES.map((p) => `${base}${p}`), `${base}/wall/${cards[0]!.code}`]);
  console.log(`| page | performance (≥${LIGHTHOUSE_BUDGET.performance}) | accessibility (${LIGHTHOUSE_BUDGET.accessibility}) | best practices (${LIGHTHOUSE_BUDGET['best-practices']}) | FCP (ms) | LCP (ms) | TBT (ms) | CLS | verdict |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const problems = underBudget(r);
    if (problems.length) failed++;
    const m = r.metrics;
    console.log(`| ${new URL(r.url).pathname} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${Math.round(m.fcp)} | ${Math.round(m.lcp)} | ${Math.round(m.tbt)} | ${m.cls.toFixed(3)} | ${problems.length ? `UNDER: ${problems.join(', ')}; ${r.failing.join(', ')}` : 'ok'} |`);
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await rm(persistTo, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
