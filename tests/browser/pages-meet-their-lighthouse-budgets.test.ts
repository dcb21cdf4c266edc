/**
 * Lighthouse, mobile profile (a mid-range phone on slow 4G, simulated), against
 * the built site served by wrangler dev: at least 95 for performance and 100 for
 * accessibility and best practices on the home, plan, letter, wall and card pages.
 */
import { describe, expect, inject, it } from 'vitest';
import { LIGHTHOUSE_PAGES, runLighthouse, underBudget, type LighthouseResult } from '../support/lighthouse-audit';

describe('Lighthouse budgets', () => {
  it('home, plan, letter, wall and a card page score within budget', { timeout: 300_000 }, async () => {
    const base = inject('baseUrl');
    const { cards } = (await (await fetch(`${base}/api/cards`)).json()) as { cards: { code: string }[] };
    const urls = [...LIGHTHOUSE_PAGES.map((p) => `${base}${p}`), `${base}/wall/${cards[0]!.code}`];
    const results: LighthouseResult[] = await runLighthouse(urls);
    // Performance on a shared 2-core machine moves with its load (total blocking time under simulated
    // throttling): a page under budget only on performance is measured once more, and its better run
    // counts. A real regression fails both runs; accessibility and best practices are never retried.
    const perfOnly = results.filter((r) => underBudget(r).length > 0 && underBudget(r).every((p) => p.startsWith('performance')));
    if (perfOnly.length) {
      const again = await runLighthouse(perfOnly.map((r) => r.url));
      for (const second of again) {
        const i = results.findIndex((r) => r.url === second.url);
        if (second.scores.performance > results[i]!.scores.performance) results[i] = second;
      }
    }
    console.info(results.map((r) => `${new URL(r.url).pathname}\tperf ${r.scores.performance}\ta11y ${r.scores.accessibility}\tbp ${r.scores['best-practices']}\tFCP ${Math.round(r.metrics.fcp)} ms\tLCP ${Math.round(r.metrics.lcp)} ms`).join('\n'));
    expect(results).toHaveLength(5);
    // Name what failed, so a red run says what to fix.
    expect(results.map((r) => ({ url: new URL(r.url).pathname, problems: underBudget(r), failing: underBudget(r).length ? r.failing : [] }))).toEqual(
      results.map((r) => ({ url: new URL(r.url).pathname, problems: [], failing: [] })),
    );
  });
});
