import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../support/chromium';
import { contentPagePaths } from '../support/content-pages';

let paths: string[] = [];

/** A PNG's width and height, from its header chunk (IHDR). */
const pngSize = (png: Buffer): [number, number] => {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};
beforeAll(async () => {
  paths = await contentPagePaths();
});

/** Loads a page and records every request it makes. */
async function load(page: Page, path: string) {
  const requests: { url: string; type: string }[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  const res = await page.goto(path);
  return { status: res?.status(), requests };
}

describe('every content page', () => {
  it('is listed in the sitemap: home, plan, letter, appeal, news and the sign-up way', () => {
    expect(paths).toEqual(expect.arrayContaining(['/', '/plan/', '/letter/', '/appeal/', '/news/', '/volunteer/']));
    expect(paths.filter((p) => p.startsWith('/news/') && p !== '/news/')).toHaveLength(3);
  });

  it('passes axe-core (WCAG 2.1 A and AA, best practices) with no violations', async () => {
    // CSP forbids injected scripts, so axe runs in a context that bypasses it.
    const page = await openPage({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    const found: Record<string, string[]> = {};
    for (const path of [...paths, '/no-such-page']) {
      await page.goto(path);
      await page.addScriptTag({ content: axe.source });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
      );
      const violations = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
      if (violations.length) found[path] = violations;
    }
    await page.context().close();
    expect(found).toEqual({});
  });

  it('is Chinese, has one h1, landmarks and headings in order, ships no script and no web font', async () => {
    const page = await openPage();
    for (const path of paths) {
      const { status, requests } = await load(page, path);
      expect(status, path).toBe(200);
      expect(await page.getAttribute('html', 'lang'), path).toBe('zh-CN');
      expect(await page.locator('h1').count(), path).toBe(1);
      for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
        expect(await page.getByRole(role).count(), `${path} ${role}`).toBeGreaterThanOrEqual(1);
      }
      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0], path).toBe(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level, `${path}: h${levels[i - 1]} then h${level}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
      });
      expect(await page.locator('script').count(), path).toBe(0);
      expect(requests.filter((r) => r.type === 'script' || r.type === 'font'), path).toEqual([]);
      const origin = new URL(page.url()).origin;
      expect(requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:')), path).toEqual([]);
    }
    await page.context().close();
  });

  it('never scrolls sideways on a 360 px phone, nor at 200% zoom', async () => {
    // 200% zoom on a 360 px phone leaves 180 CSS pixels.
    const overflowing: string[] = [];
    for (const viewport of [{ width: 360, height: 740, deviceScaleFactor: 1 }, { width: 180, height: 370, deviceScaleFactor: 2 }]) {
      const page = await openPage({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: viewport.deviceScaleFactor });
      for (const path of [...paths, '/wall/']) {
        await page.goto(path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > viewport.width) overflowing.push(`${path} is ${width}px wide at ${viewport.width}px`);
      }
      await page.context().close();
    }
    expect(overflowing).toEqual([]);
  });

  it('logs no warning or error in Chromium, public or private: every Permissions-Policy feature is one it knows', async () => {
    const page = await openPage();
    const messages: string[] = [];
    page.on('console', (m) => {
      // A made-up private link is meant to answer 404; Chromium reports that status as an error.
      if ((m.type() === 'warning' || m.type() === 'error') && !/Failed to load resource: .* 404/.test(m.text())) messages.push(`${page.url()}: ${m.text()}`);
    });
    for (const path of [...paths, '/v/not-a-private-link', '/admin/login']) await page.goto(path);
    await page.context().close();
    expect(messages).toEqual([]);
  });

  it('has a title of its own, a description, Open Graph tags with the share picture, and a home-screen icon', async () => {
    const page = await openPage();
    const titles = new Map<string, string[]>();
    for (const path of paths) {
      await page.goto(path);
      const meta = (sel: string) => page.getAttribute(`meta[${sel}]`, 'content');
      const title = await page.title();
      expect(title, path).toMatch(/守望/);
      expect((await meta('name="description"'))?.length, path).toBeGreaterThan(10);
      expect(await meta('property="og:title"'), path).toBe(title);
      expect((await meta('property="og:description"'))?.length, path).toBeGreaterThan(10);
      expect(await meta('property="og:type"'), path).toMatch(/^(website|article)$/);
      const ogUrl = await meta('property="og:url"');
      expect(new URL(ogUrl!).pathname, path).toBe(path);
      expect(await page.getAttribute('link[rel="canonical"]', 'href'), path).toBe(ogUrl);
      titles.set(title, [...(titles.get(title) ?? []), path]);
      // The share picture, on the site's own address, and the icon a phone puts on its home screen.
      expect(await meta('property="og:image"'), path).toBe(new URL('/og-image.png', ogUrl!).href);
      expect([await meta('property="og:image:width"'), await meta('property="og:image:height"')], path).toEqual(['1200', '630']);
      expect((await meta('property="og:image:alt"'))?.length, path).toBeGreaterThan(4);
      expect(await page.getAttribute('link[rel="apple-touch-icon"]', 'href'), path).toBe('/apple-touch-icon.png');
    }
    // WeChat shows a shared link's title and nothing else: no two pages share one.
    expect([...titles.values()].filter((p) => p.length > 1)).toEqual([]);
    for (const [file, size] of [['/og-image.png', [1200, 630]], ['/apple-touch-icon.png', [180, 180]]] as const) {
      const res = await page.request.get(file);
      expect(res.status(), file).toBe(200);
      expect(res.headers()['content-type'], file).toBe('image/png');
      expect(pngSize(await res.body()), file).toEqual(size);
    }
    await page.context().close();
  });
});
