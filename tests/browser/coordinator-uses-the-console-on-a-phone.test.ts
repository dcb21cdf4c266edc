import { describe, expect, it } from 'vitest';
import { openPage } from '../support/chromium';
import { logInToConsole } from '../support/console-login';
import { claimedCard, volunteer } from '../support/served-site-data';

const LISTS = ['/admin/cards/', '/admin/volunteers/', '/admin/claims/?queue=to_approve', '/admin/claims/?queue=awaiting_dropoff', '/admin/audit', '/admin/campaigns/', '/admin/review/bulk'];

describe('the console on a coordinator’s 360 px phone, without JavaScript', () => {
  it('shows every list as one block per row, each value under its column’s name, with nothing squeezed and nothing scrolling sideways', async () => {
    await claimedCard(await volunteer(), 'approved');
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await logInToConsole(phone);
    for (const path of LISTS) {
      await phone.goto(path);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      const cells = await phone.locator('table.data tbody td').evaluateAll((tds) =>
        tds.map((td) => {
          const table = td.closest('table')!;
          const column = table.querySelectorAll('thead th')[(td as HTMLTableCellElement).cellIndex]!.textContent;
          return { column, label: getComputedStyle(td, '::before').content, width: td.getBoundingClientRect().width };
        }),
      );
      expect(cells.length, path).toBeGreaterThan(0);
      for (const cell of cells) {
        expect(cell.label, path).toBe(JSON.stringify(cell.column));
        expect(cell.width, `${path} ${cell.column}`).toBeGreaterThan(250);
      }
    }
    await phone.context().close();
  });

  it('on the dashboard, the headline’s figures are the ones the charts end on and the tables list; the charts read without colour', async () => {
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await logInToConsole(phone);
    const headline = await phone.locator('.progress').textContent();
    const [, total, taken, fulfilled, claimed, open] = headline!.match(/共 (\d+) 张：(\d+) 张已有人认领（其中 (\d+) 张已圆梦，(\d+) 张学校还没确认收到礼物），(\d+) 张等待认领/)!.map(Number);
    expect(taken).toBe(fulfilled! + claimed!);
    expect(total).toBe(taken! + open!);

    // The category table adds up to the headline.
    const rows = await phone.locator('#category-figures tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent))));
    const sum = (i: number) => rows.reduce((n, r) => n + r[i]!, 0);
    expect([sum(0), sum(1), sum(2), sum(3)]).toEqual([fulfilled, claimed, open, total]);

    // The daily table, linked from its chart, ends on the headline's figures, and so do the lines' labels.
    const link = phone.getByRole('link', { name: '看每一天的数字' });
    expect(await link.getAttribute('href')).toBe('#daily-figures');
    await phone.getByText(/^每一天的数字/).click();
    const lastDay = await phone.locator('#daily-figures tbody tr').last().locator('td').allTextContents();
    expect(lastDay.slice(1).map(Number)).toEqual([taken, fulfilled]);
    // The table ends today (Beijing time), not on a day that has not begun.
    expect(lastDay[0]).toBe(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    const chart = phone.getByRole('img', { name: '每天的进展' });
    expect(await chart.locator('text').allTextContents()).toEqual(expect.arrayContaining([`已有人认领 ${taken}`, `已圆梦 ${fulfilled}`]));

    // Without colour the lines differ by dash and the bars by stripes and outline.
    const dashes = await chart.locator('path').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke-dasharray')));
    expect(dashes).toEqual([null, '7 4']);
    const fills = await phone.getByRole('img', { name: '按类别' }).locator('rect').evaluateAll((rs) => [...new Set(rs.map((r) => r.getAttribute('fill')))]);
    expect(fills).toContain('url(#stripes)');
    await phone.context().close();
  });
});
