/**
 * Weight budgets per page type, in gzip bytes of HTML plus its CSS (inlined or
 * linked), and what counts as script or web font. No Node imports: the budget
 * tests in workerd and the Node scripts share it.
 */

/** 14 KB: what fits in the first round trip of a new connection (TCP's initial window of 10 segments). */
export const CONTENT_PAGE_BUDGET = 14 * 1024;

export const PAGE_BUDGETS = {
  /** Plan, letter, appeal, news, policies, home: one round trip. */
  content: CONTENT_PAGE_BUDGET,
  /** One wish card with the longest wish allowed: one round trip too, it is opened from a shared link. */
  card: CONTENT_PAGE_BUDGET,
  /**
   * A full page of the wall (24 cards) at its worst: every alias, wish and size note at its maximum
   * length, in Chinese that compresses poorly (measured 14.5 KB). Two round trips at most; the demo's
   * first page weighs about 4 KB.
   */
  wall: 20 * 1024,
} as const;
export type PageType = keyof typeof PAGE_BUDGETS;

export const countScripts = (html: string) => (html.match(/<script\b/gi) ?? []).length;
export const countWebFonts = (htmlAndCss: string) => (htmlAndCss.match(/@font-face|\.woff2?\b|\.ttf\b|\.otf\b|fonts\.googleapis/gi) ?? []).length;

/** The paths a sitemap lists, with the page type each is held to. */
export function sitemapPages(xml: string): [path: string, type: PageType][] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const path = new URL(m[1]!).pathname;
    return [path, path === '/wall/' ? 'wall' : 'content'];
  });
}

/**
 * A served page's weight: gzip bytes of its HTML plus every stylesheet it links, each compressed
 * on its own as it travels. `getText` fetches a path; `gzipBytes` is zlib in Node, CompressionStream in workerd.
 */
export async function servedWeight(html: string, getText: (path: string) => Promise<string>, gzipBytes: (text: string) => number | Promise<number>): Promise<{ gzip: number; css: string }> {
  const hrefs = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const css = (await Promise.all(hrefs.map(getText))).join('\n');
  return { gzip: (await gzipBytes(html)) + (css ? await gzipBytes(css) : 0), css };
}
