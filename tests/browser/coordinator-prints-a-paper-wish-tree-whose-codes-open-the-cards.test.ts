/**
 * The paper wish tree: a coordinator prints the wall's open cards on A4 sheets for the school gate.
 * The PDF Chromium prints is read back as paper would be: how many pages, which cards each page
 * carries, every QR code on a page decoded from the page's picture, and each code followed to the
 * card's page on the wall, where a volunteer finds the 认领 button.
 */
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium';
import { logInToConsole } from '../support/console-login';
import { publishedCard, volunteer as newVolunteer } from '../support/served-site-data';

/** A4 in PDF points, and the cards one sheet holds (site/styles/wish-tree.css). */
const A4 = { width: 595.28, height: 841.89 };
const PER_SHEET = 6;
/** Pixels per PDF point for the page's picture: a QR module of 0.8 mm becomes about 4.5 px. */
const SCALE = 2;
/** PDF points in a millimetre, and how far from a card's written code its QR code is looked for. */
const MM = 72 / 25.4;
const REACH_MM = 42;

/** The longest wish a card takes is 300 characters: one close to it must still print whole. */
const LONG_WISH =
  '我想要一套水彩颜料和一本厚厚的画画本。我最喜欢画画了，下课的时候我会画学校后面的小山，画山上的树，画天上飞过去的小鸟。' +
  '奶奶说我画的小鸡和真的一样。可是我的颜料只剩下三种颜色了，画本也用完了，现在只能在作业本的背面画。' +
  '如果有了新的颜料，我想画一张大大的画，画上我们全家人在一起过年，桌子上有饺子，门口有红红的对联和灯笼。' +
  '我要把这张画好好收起来，等爸爸妈妈过年回家的时候送给他们，让他们知道我在家里很乖，每天都认真上学，也会帮奶奶喂鸡和扫地。' +
  '我还想画一棵大大的心愿树，把好朋友们的心愿都画在树叶上，挂满整棵树，让每个路过学校门口的人都能看见，也来帮大家实现心愿。画画的时候我最开心。谢谢你！';
const ALIASES = ['芽芽', '穗穗', '露露', '蕾蕾', '朵儿', '枝枝', '苗苗'];

interface PrintedPage {
  text: string;
  /** Each card code written on the page, and what the QR code beside it says. */
  codes: { written: string; scanned: string | null }[];
  /** What a reader finds on the page once every card's own QR code is covered up: nothing. */
  strayQr: string | null;
  width: number;
  height: number;
}

/** A page's picture as RGBA pixels, with a way to read a QR code from part of it. */
class Picture {
  constructor(readonly rgba: Uint8ClampedArray, readonly width: number, readonly height: number) {}

  /** The QR code inside a rectangle (pixels), if one is there; found, it is painted over in white. */
  takeQr(left: number, top: number, right: number, bottom: number): string | null {
    const [x0, y0] = [Math.max(0, Math.floor(left)), Math.max(0, Math.floor(top))];
    const [w, h] = [Math.min(this.width, Math.ceil(right)) - x0, Math.min(this.height, Math.ceil(bottom)) - y0];
    const part = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) part.set(this.rgba.subarray(((y0 + y) * this.width + x0) * 4, ((y0 + y) * this.width + x0 + w) * 4), y * w * 4);
    const qr = jsQR(part, w, h, { inversionAttempts: 'dontInvert' });
    if (!qr) return null;
    const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = qr.location;
    const corners = [topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner];
    const xs = corners.map((c) => c.x + x0);
    const ys = corners.map((c) => c.y + y0);
    // The reported corners are the outer corners of the finder patterns; a tenth more covers the quiet edge.
    const m = (Math.max(...xs) - Math.min(...xs)) / 10;
    for (let y = Math.max(0, Math.floor(Math.min(...ys) - m)); y < Math.min(this.height, Math.ceil(Math.max(...ys) + m)); y++) {
      this.rgba.fill(255, (y * this.width + Math.max(0, Math.floor(Math.min(...xs) - m))) * 4, (y * this.width + Math.min(this.width, Math.ceil(Math.max(...xs) + m))) * 4);
    }
    return qr.data;
  }
}

/**
 * One page of the PDF: its text, and every QR code on its picture. jsQR reads one code a picture
 * and loses its way among six, so each card's code is read from the part of the page around the
 * card's written code (the QR code sits beside it, a neighbour's is a card's width away), then
 * painted over; the whole page, read last, must then hold no QR code at all.
 */
async function readPage(doc: PDFDocumentProxy, page: PDFPageProxy, cardCodes: string[]): Promise<PrintedPage> {
  const viewport = page.getViewport({ scale: SCALE });
  const items = (await page.getTextContent()).items.map((i) => i as TextItem);
  // pdf.js draws in Node on the canvas it brings along (@napi-rs/canvas).
  const [w, h] = [Math.ceil(viewport.width), Math.ceil(viewport.height)];
  const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } };
  const { canvas, context } = factory.create(w, h);
  await page.render({ canvas, canvasContext: context, viewport, background: '#ffffff' }).promise;
  const picture = new Picture(new Uint8ClampedArray(context.getImageData(0, 0, w, h).data), w, h);
  const reach = REACH_MM * MM * SCALE;
  const codes = items
    .filter((i) => cardCodes.includes(i.str.trim()))
    .map((i) => {
      const [x, y] = viewport.convertToViewportPoint(i.transform[4], i.transform[5]) as [number, number];
      return { written: i.str.trim(), scanned: picture.takeQr(x - reach, y - reach, x + reach, y + reach) };
    });
  const strayQr = picture.takeQr(0, 0, w, h);
  const [, , width, height] = page.view;
  return { text: items.map((i) => i.str).join('').replace(/\s+/g, ''), codes, strayQr, width: width!, height: height! };
}

async function readPdf(pdf: Uint8Array, cardCodes: string[]): Promise<PrintedPage[]> {
  const doc = await getDocument({ data: pdf, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, await doc.getPage(n), cardCodes));
  return pages;
}

/** The site's own address, as its canonical links carry it: what paper must point at. */
async function siteOrigin(): Promise<string> {
  const home = await (await fetch(`${inject('baseUrl')}/`)).text();
  return new URL(home.match(/<link rel="canonical" href="([^"]+)"/)![1]!).origin;
}

/** The cards the page shows, in order, as the page's own markup names them. */
const shownCodes = (page: Page) => page.locator('.tree-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.code!));

describe('the paper wish tree', () => {
  it('prints the open cards six to an A4 page, none cut in two, each QR code leading to its own card where a volunteer claims it', async () => {
    // Cards of this test's own, in a category of their own choosing, one with a wish close to the longest allowed.
    const mine = new Map<string, { alias: string; wish: string }>();
    for (const [i, alias] of ALIASES.entries()) {
      const wish = i === 2 ? LONG_WISH : `想要一个${alias}喜欢的新年礼物：一个会发光的地球仪。`;
      mine.set(await publishedCard({ alias, wish, category: 'other' }), { alias, wish });
    }
    const origin = await siteOrigin();

    // The console, without JavaScript: from the cards list to the tree, then the GET form's category.
    const desk = await openPage({ javaScriptEnabled: false });
    await logInToConsole(desk);
    await desk.goto('/admin/cards/');
    await desk.getByRole('link', { name: '打印纸质心愿树' }).click();
    await desk.waitForURL('**/admin/wish-tree');
    await desk.getByLabel('类别').selectOption('other');
    await desk.getByRole('button', { name: '生成' }).click();
    await desk.waitForURL('**/admin/wish-tree?*category=other*');
    const codes = await shownCodes(desk);
    for (const code of mine.keys()) expect(codes).toContain(code);
    expect(await desk.locator('.tree-summary').textContent()).toContain(`要用 ${Math.ceil(codes.length / PER_SHEET)} 张 A4 纸`);
    const html = await desk.content();

    // The wish fits inside its cut lines: in print, no card's content runs past its box.
    await desk.emulateMedia({ media: 'print' });
    const overflowing = await desk.locator('.tree-card').evaluateAll((cards) => cards.filter((c) => c.scrollHeight > c.clientHeight + 1).map((c) => (c as HTMLElement).dataset.code));
    expect(overflowing).toEqual([]);
    await desk.emulateMedia({ media: null });

    const pages = await readPdf(new Uint8Array(await desk.pdf({ format: 'A4', preferCSSPageSize: true })), codes);
    await desk.context().close();

    // Six cards a page, in the page's order: the last page takes what is left.
    expect(pages).toHaveLength(Math.ceil(codes.length / PER_SHEET));
    const onPage = (n: number) => codes.slice(n * PER_SHEET, (n + 1) * PER_SHEET);
    for (const [n, p] of pages.entries()) {
      expect(p.width).toBeCloseTo(A4.width, 0);
      expect(p.height).toBeCloseTo(A4.height, 0);
      for (const code of codes) {
        // A card on its page, whole: its code and its alias there, and on no other page.
        expect(p.text.includes(code), `${code} on page ${n + 1}`).toBe(onPage(n).includes(code));
      }
      for (const code of onPage(n).filter((c) => mine.has(c))) {
        const { alias, wish } = mine.get(code)!;
        expect(p.text).toContain(`${alias}的心愿`);
        expect(p.text).toContain(wish.replace(/\s+/g, ''));
        expect(p.text).toContain(`编号${code}`);
      }
      // Every QR code on the page: one beside each card's written code, saying that card's own address, and no other.
      expect(p.codes.map((c) => c.written).sort(), `codes written on page ${n + 1}`).toEqual([...onPage(n)].sort());
      for (const { written, scanned } of p.codes) expect(scanned, `the QR code beside ${written}`).toBe(`${origin}/wall/${written}`);
      expect(p.strayQr, `a QR code on page ${n + 1} that belongs to no card`).toBeNull();
      for (const [code, { alias }] of mine) if (!onPage(n).includes(code)) expect(p.text).not.toContain(`${alias}的心愿`);
    }

    // Nothing a coordinator alone may see: the school's register reference, consent, notes.
    const paper = pages.map((p) => p.text).join('');
    for (const text of [paper, html]) {
      expect(text).not.toMatch(/BROWSER-/);
      expect(text).not.toContain('2026-11-18');
    }
    for (const words of ['登记编号', '同意', '备注', '协调员']) expect(paper).not.toContain(words);

    // At the school gate: a volunteer scans a code and lands on the card, its 认领 button waiting.
    const token = await newVolunteer('approved');
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await phone.goto(`/v/${token}`);
    for (const { written: code, scanned } of pages.flatMap((p) => p.codes).filter((c) => mine.has(c.written))) {
      // The same path on the test server: the printed address is the production site's.
      await phone.goto(new URL(scanned!).pathname);
      expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe(`${mine.get(code)!.alias}的心愿`);
      expect(await phone.getByRole('button', { name: '认领' }).isVisible(), code).toBe(true);
    }
    await phone.context().close();
  }, 120_000);

  it('reads on a 360 px phone: the cards one under another, nothing scrolling sideways', async () => {
    await publishedCard({ alias: '小禾', category: 'other' });
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await logInToConsole(phone);
    await phone.goto('/admin/wish-tree?category=other');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const boxes = await phone.locator('.tree-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThan(1);
    for (const [i, box] of boxes.entries()) {
      expect(box.left).toBeCloseTo(boxes[0]!.left, 0);
      expect(box.width).toBeGreaterThan(300);
      if (i > 0) expect(box.top).toBeGreaterThan(boxes[i - 1]!.top + 100);
    }
    await phone.context().close();
  });
});
