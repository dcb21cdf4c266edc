/**
 * Lighthouse (the npm package) against Debian's Chromium, with its default
 * mobile profile: a mid-range phone on a slow 4G network (simulated throttling).
 * Shared by the budget test and `npm run bench:budgets`.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The pages the budget holds to Lighthouse scores (the card page is filled in from the wall). */
export const LIGHTHOUSE_PAGES = ['/', '/plan/', '/letter/', '/wall/'] as const;

/** Minimum scores, out of 100. */
export const LIGHTHOUSE_BUDGET = { performance: 95, accessibility: 100, 'best-practices': 100 } as const;
export type Category = keyof typeof LIGHTHOUSE_BUDGET;

export interface LighthouseResult {
  url: string;
  scores: Record<Category, number>;
  /** Metrics that explain a performance score, in milliseconds (CLS unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number };
  /** Audits that did not pass in a scored category: what to fix. */
  failing: string[];
}

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One Lighthouse run in a fresh Chromium (reusing one browser across runs now and then loses the trace: NO_NAVSTART). */
async function auditOnce(url: string): Promise<LighthouseResult> {
  // The same flags as the browser tests: headless, and no calls home on a closed network.
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(LIGHTHOUSE_BUDGET) });
    if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = run;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
    const score = (c: Category) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const failing = Object.values(lhr.categories).flatMap((cat) =>
      cat.auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id]!)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => `${cat.id}: ${a.id} (${a.displayValue ?? a.score})`),
    );
    return {
      url,
      scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') },
      metrics: { fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift') },
      failing,
    };
  } finally {
    chrome.kill();
  }
}

/** Runs Lighthouse on each URL, one after another (scores need a quiet machine); a lost trace is retried twice. */
export async function runLighthouse(urls: string[]): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = [];
  for (const url of urls) {
    for (let attempt = 1; ; attempt++) {
      try {
        results.push(await auditOnce(url));
        break;
      } catch (err) {
        // Only Lighthouse's own tracing trouble is retried; a page that fails to load fails.
        if (attempt === 3 || !/NO_NAVSTART|NO_FCP|PROTOCOL_TIMEOUT/.test(String(err))) throw err;
      }
    }
  }
  return results;
}

/** What keeps a result under budget, or an empty list. */
export function underBudget(r: LighthouseResult): string[] {
  return (Object.keys(LIGHTHOUSE_BUDGET) as Category[]).filter((c) => r.scores[c] < LIGHTHOUSE_BUDGET[c]).map((c) => `${c} ${r.scores[c]} < ${LIGHTHOUSE_BUDGET[c]}`);
}
