/** The public content pages, found the way a search engine finds them: through the sitemap. */
import { inject } from 'vitest';

const ON_DEMAND = new Set(['/wall/']);

async function locs(url: string): Promise<string[]> {
  const xml = await (await fetch(url)).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
}

/** Local paths of every prerendered page listed in the sitemap (the wall is on demand, tested elsewhere). */
export async function contentPagePaths(): Promise<string[]> {
  const base = inject('baseUrl');
  const paths: string[] = [];
  for (const sitemap of await locs(`${base}/sitemap-index.xml`)) {
    for (const page of await locs(`${base}${new URL(sitemap).pathname}`)) paths.push(new URL(page).pathname);
  }
  return paths.filter((p) => !ON_DEMAND.has(p)).sort();
}
