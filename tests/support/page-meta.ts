/**
 * What an answer tells search engines and link previews. A private page (a volunteer's, the
 * console's), a refusal or an error page says noindex (meta tag, and X-Robots-Tag on private addresses) and names
 * no address of its own: no canonical link, no og:url, which a share card would carry. A public
 * page names its canonical address on the site's own origin, the same as its og:url.
 */
import { isPrivatePage, NOINDEX } from '#worker/platform/http/private-paths.ts';
import type { Answer } from './crawl';
import { visit } from './site-client';

/** The production origin the build was made for, as the sitemap names it. */
export async function siteOrigin(): Promise<string> {
  const index = await (await visit('/sitemap-index.xml')).text();
  return new URL(index.match(/<loc>([^<]+)<\/loc>/)![1]!).origin;
}

/** The error pages, also reachable at their own address (where they answer 200). */
const ERROR_PAGES = new Set(['/404', '/500']);

const attr = (tag: string | undefined, name: string) => tag?.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

/** The problems of one answer ("path: what is wrong"); HTML pages only, others pass. */
export function searchMetaProblems(a: Answer, origin: string): string[] {
  const [head = '', ...rest] = a.text.split('\n\n');
  const body = rest.join('\n\n');
  if (!/^content-type: text\/html/im.test(head)) return [];
  const path = a.path.replace(/^[A-Z]+ /, '');
  const pathname = new URL(path, origin).pathname;
  const canonical = attr(body.match(/<link\b[^>]*\brel="canonical"[^>]*>/)?.[0], 'href');
  const ogUrl = attr(body.match(/<meta\b[^>]*\bproperty="og:url"[^>]*>/)?.[0], 'content');
  const robots = attr(body.match(/<meta\b[^>]*\bname="robots"[^>]*>/)?.[0], 'content');
  const problems: string[] = [];
  if (isPrivatePage(pathname) || a.status >= 400 || ERROR_PAGES.has(pathname)) {
    if (robots !== NOINDEX) problems.push(`robots meta is ${robots ?? 'missing'}`);
    if (canonical !== undefined) problems.push(`canonical ${canonical}`);
    if (ogUrl !== undefined) problems.push(`og:url ${ogUrl}`);
    const header = head.match(/^x-robots-tag: (.*)$/im)?.[1];
    if (isPrivatePage(pathname) && header !== NOINDEX) problems.push(`X-Robots-Tag is ${header ?? 'missing'}`);
  } else if (a.status === 200) {
    if (robots !== undefined) problems.push(`robots meta ${robots} on a public page`);
    if (canonical === undefined) problems.push('no canonical link');
    else if (canonical !== new URL(pathname, origin).href) problems.push(`canonical ${canonical} is not ${new URL(pathname, origin).href}`);
    if (ogUrl !== canonical) problems.push(`og:url ${ogUrl} differs from the canonical link`);
  }
  return problems.map((p) => `${path}: ${p}`);
}
