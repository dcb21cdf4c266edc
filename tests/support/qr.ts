import jsQR from 'jsqr';
import type { Page } from 'playwright-core';

/** Decodes the inline SVG QR code under `selector` by drawing it on a canvas in the page. */
export async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const size = 300;
  const pixels = await page.evaluate(
    async ([sel, size]) => {
      const svg = document.querySelector(sel as string);
      if (!svg) return null;
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size as number;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, size as number, size as number);
      ctx.drawImage(img, 0, 0, size as number, size as number);
      return Array.from(ctx.getImageData(0, 0, size as number, size as number).data);
    },
    [selector, size] as const,
  );
  return pixels ? (jsQR(new Uint8ClampedArray(pixels), size, size)?.data ?? null) : null;
}
