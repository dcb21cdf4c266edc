import { describe, expect, it } from 'vitest';
import { openPage } from '../support/chromium';

describe('the letter to parents on a phone', () => {
  it('hides what only paper needs (the cut line, the write-in lines, “扫一扫”) and says how to fill in the slip', async () => {
    const page = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await page.goto('/letter/');
    expect(await page.getByText('✂ 请沿虚线剪下').isVisible()).toBe(false);
    expect(await page.locator('.slip-fields').isVisible()).toBe(false);
    expect(await page.getByText(/用手机扫一扫/).isVisible()).toBe(false);
    expect(await page.getByText(/回执要填在纸上/).isVisible()).toBe(true);
    await page.context().close();
  });

  it('keeps every phone number whole and dialable, at 200% zoom too', async () => {
    // 200% zoom on a 360 px phone leaves 180 CSS px.
    for (const width of [360, 180]) {
      const page = await openPage({ javaScriptEnabled: false, viewport: { width, height: 740 } });
      await page.goto('/letter/');
      const phones = page.locator('.contacts a[href^="tel:"]');
      expect(await phones.count()).toBeGreaterThan(0);
      const lines = await phones.evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), rects: a.getClientRects().length })));
      for (const p of lines) {
        expect(p.rects, `${p.text} at ${width}px`).toBe(1);
        expect(p.href).toBe(`tel:${p.text}`);
      }
      await page.context().close();
    }
  });
});
