import { describe, expect, inject } from 'vitest';
import { test } from '../support/chromium';

describe('the public site in a browser', () => {
  test('a visitor opens the home page and finds the way to the wish wall', async ({ page }) => {
    const res = await page.goto('/');
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.title()).toBe('守望：和留守的孩子在一起');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('守望');
    expect(await page.locator('h1').count()).toBe(1);
    // A content page ships no client JavaScript at all.
    expect(await page.locator('script').count()).toBe(0);

    await page.getByRole('link', { name: '去心愿墙看看孩子们的心愿' }).click();
    await page.waitForURL('**/wall/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('心愿墙');
  });

  test('the wish wall shows the demo campaign’s open cards from D1', async ({ page }) => {
    // Other browser tests may publish cards, so the expectation is read from the API at the same moment.
    const api = (await (await fetch(`${inject('baseUrl')}/api/cards`)).json()) as { cards: unknown[]; progress: { claimed: number; fulfilled: number; total: number } };
    expect(api.cards.length).toBeGreaterThanOrEqual(24);
    await page.goto('/wall/');
    const { claimed, fulfilled, total } = api.progress;
    expect(await page.getByText(`已认领 ${claimed} 张 · 已圆梦 ${fulfilled} 张 · 共 ${total} 张`).count()).toBe(1);
    expect(await page.locator('.cards > li').count()).toBe(api.cards.length);
    await page.getByRole('link', { name: '小雨的心愿' }).click();
    await page.waitForURL('**/wall/K7M3Q');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('小雨的心愿');
    // The page is 360 px wide: nothing may push it sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('a card that is not on the wall answers 404 with a way back', async ({ page }) => {
    const res = await page.goto('/wall/M4YH2'); // a draft in the demo
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('link', { name: '回到心愿墙' }).count()).toBe(1);
  });

  test('an unknown address gets a Chinese 404 page with a way home', async ({ page }) => {
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('找不到这个页面');
    expect(await page.getByRole('link', { name: '回到首页' }).count()).toBe(1);
  });
});
