import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openPage } from '../support/chromium';
import { claimedCard, volunteer } from '../support/served-site-data';

const cardStatus = async (code: string) => ((await (await fetch(`${inject('baseUrl')}/api/cards/${code}`)).json()) as { card: { status: string } }).card.status;

describe('cancelling an approved claim', () => {
  it('asks on a second page, says the card goes back on the wall and the gift may already be bought, and “不取消” changes nothing', async () => {
    const token = await volunteer();
    const { code } = await claimedCard(token, 'approved');
    const page = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await page.goto(`/v/${token}`);
    await page.goto('/me');
    await page.getByRole('listitem').filter({ hasText: code }).getByRole('link', { name: '取消认领' }).click();
    expect(await page.getByText('这张心愿卡会回到心愿墙，别的志愿者可以认领它').count()).toBe(1);
    expect(await page.getByText(/如果礼物已经买好，可以不取消，照常送到学校/).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole('link', { name: '不取消，回到我的认领' }).click();
    expect(await cardStatus(code)).toBe('claimed');
    expect(await page.getByRole('listitem').filter({ hasText: code }).getByRole('link', { name: '取消认领' }).count()).toBe(1);
    await page.context().close();
  });
});
