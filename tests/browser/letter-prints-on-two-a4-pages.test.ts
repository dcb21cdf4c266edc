import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { describe, expect } from 'vitest';
import { test } from '../support/chromium';
import { decodeQr } from '../support/qr';

/** A4 in PDF points. */
const A4 = { width: 595.28, height: 841.89 };
const LETTER_URL = 'https://shouwang.example.cn/letter/';

async function pdfPages(pdf: Uint8Array) {
  const doc = await getDocument({ data: pdf, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const text = (await page.getTextContent()).items.map((i) => (i as TextItem).str).join('');
    const [, , width, height] = page.view;
    pages.push({ width: width!, height: height!, text: text.replace(/\s+/g, '') });
  }
  return pages;
}

describe('the letter to parents on paper', () => {
  test('prints on two A4 pages: the letter, then contacts, the QR code and the return slip', async ({ page }) => {
    await page.goto('/letter/');
    const pages = await pdfPages(new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })));

    expect(pages).toHaveLength(2);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(A4.width, 0);
      expect(p.height).toBeCloseTo(A4.height, 0);
    }
    const [first, last] = [pages[0]!.text, pages[1]!.text];
    expect(first).toContain('致留守儿童家长的一封信');
    expect(first).toContain('每周');
    expect(first).toContain('至少回家一次');
    expect(first).not.toContain('请沿虚线剪下');
    expect(first).not.toContain('家长签名');
    // The last page: the cut line, the slip with its fields, and the QR code with its caption and address.
    expect(last).toContain('请沿虚线剪下');
    expect(last).toContain('回执');
    expect(last).toContain('家长签名');
    expect(last).toContain('用手机扫一扫');
    expect(last).toContain(LETTER_URL);
    // The site's navigation and footer stay off paper.
    expect(first + last).not.toContain('心愿墙');
  });

  test('the QR code on the letter leads back to the letter’s own address', async ({ page }) => {
    await page.goto('/letter/');
    expect(await decodeQr(page, '.qr svg')).toBe(LETTER_URL);
  });
});
