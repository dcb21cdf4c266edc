import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/chromium';
import { claimedCard, volunteer } from '../support/served-site-data';

const PUBLIC_PAGES = ['/', '/plan/', '/letter/', '/appeal/', '/wall/', '/news/', '/privacy/', '/volunteer/', '/volunteer/code-of-conduct/'];

const bodyFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
const widthPx = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
/** Text squeezed into a column narrower than three characters (one or two characters a line). */
const squeezed = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main *, header *')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length >= 4))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > 0 && box.width < 3 * parseFloat(getComputedStyle(el).fontSize);
      })
      .map((el) => `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 12)}” ${Math.round(el.getBoundingClientRect().width)}px`),
  );

describe('large text (大字版) on a 360 px phone without JavaScript', () => {
  it('one tap on “大字版” makes every page’s text larger, remembered from page to page, and “标准字号” brings it back on the same page', async () => {
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await phone.goto('/letter/');
    const standard = await bodyFontPx(phone);
    await phone.getByRole('link', { name: '大字版' }).click();
    await phone.waitForURL('**/letter/');
    const large = await bodyFontPx(phone);
    expect(large).toBeGreaterThanOrEqual(standard * 1.2);
    expect(await phone.getByRole('link', { name: '大字版' }).count()).toBe(0);

    // Remembered on every public page, none of which scrolls sideways in it or squeezes its words.
    for (const path of PUBLIC_PAGES) {
      await phone.goto(path);
      expect(await bodyFontPx(phone), path).toBe(large);
      expect(await widthPx(phone), path).toBeLessThanOrEqual(360);
      expect(await squeezed(phone), path).toEqual([]);
    }

    // Back to standard, on the page the reader was on, filters kept.
    await phone.goto('/wall/?category=books');
    await phone.getByRole('link', { name: '标准字号' }).click();
    await phone.waitForURL('**/wall/?category=books');
    expect(await bodyFontPx(phone)).toBe(standard);
    expect(await phone.getByRole('link', { name: '大字版' }).count()).toBe(1);
    await phone.context().close();
  });

  it('a volunteer’s own pages are large too, and from a private link the way back is their page, not the link', async () => {
    const token = await volunteer();
    const { claimId } = await claimedCard(token, 'approved');
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await phone.goto(`/v/${token}`);
    const standard = await bodyFontPx(phone);
    const href = await phone.getByRole('link', { name: '大字版' }).getAttribute('href');
    expect(href).not.toContain(token);
    await phone.getByRole('link', { name: '大字版' }).click();
    await phone.waitForURL('**/me');
    for (const path of ['/me', `/me?cancel=${claimId}`, `/me/label/${claimId}`]) {
      await phone.goto(path);
      expect(await bodyFontPx(phone), path).toBeGreaterThanOrEqual(standard * 1.2);
      expect(await widthPx(phone), path).toBeLessThanOrEqual(360);
    }
    await phone.context().close();
  });

  it('at 200% zoom on a small phone (180 CSS px) in large text, no public page scrolls sideways or squeezes its words', async () => {
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 180, height: 370 }, deviceScaleFactor: 2 });
    await phone.goto('/text-size?size=large&back=/');
    const problems: string[] = [];
    for (const path of PUBLIC_PAGES) {
      await phone.goto(path);
      const width = await widthPx(phone);
      if (width > 180) problems.push(`${path} is ${width}px wide`);
      problems.push(...(await squeezed(phone)).map((s) => `${path}: ${s}`));
    }
    expect(problems).toEqual([]);
    await phone.context().close();
  });

  it('paper is not enlarged: the printed letter keeps its standard size', async () => {
    const phone = await openPage({ javaScriptEnabled: false });
    await phone.goto('/text-size?size=large&back=/letter/');
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
    await phone.context().close();
  });
});
