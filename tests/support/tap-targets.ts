/**
 * Measures what a thumb has to hit on the page in the browser: every link, button, field and
 * summary, and for a checkbox or radio inside its label, the label (the whole label toggles it).
 * The one exception is a link inside running text (WCAG 2.5.8's inline exception): an inline link
 * in a paragraph that says more than the link does, which keeps the line's height.
 */
import type { Page } from 'playwright-core';

export interface TapTarget {
  what: string;
  width: number;
  height: number;
}

export interface TapTargetReport {
  measured: TapTarget[];
  inline: number;
}

export function measureTapTargets(page: Page): Promise<TapTargetReport> {
  return page.evaluate(() => {
    const measured: { what: string; width: number; height: number }[] = [];
    let inline = 0;
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, summary')) {
      const target = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el) : el;
      const box = target.getBoundingClientRect();
      // Not on screen: hidden, or the off-screen trap for bots.
      if (box.width === 0 || box.height === 0 || box.right <= 0 || getComputedStyle(target).visibility === 'hidden') continue;
      if (el instanceof HTMLAnchorElement && getComputedStyle(el).display === 'inline') {
        const block = el.parentElement?.closest('p, li, dd, td, label, span');
        if (block && (block.textContent ?? '').trim() !== (el.textContent ?? '').trim()) {
          inline++;
          continue;
        }
      }
      const label = (target.textContent || (el as HTMLInputElement).name || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 20);
      measured.push({ what: `${el.tagName.toLowerCase()} “${label}”`, width: Math.round(box.width), height: Math.round(box.height) });
    }
    return { measured, inline };
  });
}

/** The targets smaller than `min` CSS px either way, as "what w×h". */
export const tooSmall = (report: TapTargetReport, min = 44) =>
  report.measured.filter((t) => t.width < min || t.height < min).map((t) => `${t.what} ${t.width}×${t.height}`);
