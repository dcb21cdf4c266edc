import { describe, expect, inject, it } from 'vitest';

const base = () => inject('baseUrl');
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
/** Never in a feed or sitemap: the console, the API, volunteers' private pages. */
const PRIVATE = /^\/(admin|api|v|me)(\/|$)/;

describe('RSS feed and sitemap', () => {
  it('the RSS feed lists the three news items, newest first, each leading to a page that exists', async () => {
    const res = await fetch(`${base()}/rss.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const xml = await res.text();
    expect(xml).toContain('<language>zh-cn</language>');
    const links = [...xml.matchAll(/<item><title>[^<]+<\/title><link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname);
    expect(links).toEqual([
      '/news/2026-11-20-winter-wishes-open/',
      '/news/2026-11-05-family-phone/',
      '/news/2026-10-16-parent-school/',
    ]);
    for (const path of links) expect((await fetch(`${base()}${path}`)).status, path).toBe(200);
    expect(links.filter((p) => PRIVATE.test(p))).toEqual([]);
  });

  it('the sitemap lists the public pages and the wish wall, every one answering 200, none private', async () => {
    const index = await (await fetch(`${base()}/sitemap-index.xml`)).text();
    const pages: string[] = [];
    for (const sitemap of locs(index)) pages.push(...locs(await (await fetch(`${base()}${new URL(sitemap).pathname}`)).text()));
    const paths = pages.map((p) => new URL(p).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/', '/plan/', '/letter/', '/appeal/', '/news/', '/wall/']));
    expect(paths.filter((p) => PRIVATE.test(p))).toEqual([]);
    for (const path of paths) expect((await fetch(`${base()}${path}`)).status, path).toBe(200);
  });
});
