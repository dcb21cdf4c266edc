import { describe, expect, it } from 'vitest';
import { openPage } from '../support/chromium';
import { publishedCard, volunteer } from '../support/served-site-data';

const PUBLIC_PAGES = ['/', '/plan/', '/letter/', '/appeal/', '/wall/', '/news/', '/privacy/', '/volunteer/code-of-conduct/'];

describe('a volunteer’s way back to their claims', () => {
  it('“我的认领” is in the navigation of every public page once their private link was opened on this phone, and leads to their page', async () => {
    const token = await volunteer();
    const code = await publishedCard();
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await phone.goto(`/v/${token}`);
    // Already on the private link's own page, the first time it is opened.
    expect(await phone.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的认领' }).count()).toBe(1);
    for (const path of [...PUBLIC_PAGES, `/wall/${code}`]) {
      const res = await phone.goto(path);
      const nav = phone.getByRole('navigation', { name: '主导航' });
      expect(await nav.getByRole('link', { name: '我的认领' }).count(), path).toBe(1);
      // This copy of the page is this volunteer's: no shared cache keeps it.
      expect(res?.headers()['cache-control'], path).toMatch(/private|no-store/);
    }
    await phone.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的认领' }).click();
    await phone.waitForURL('**/me');
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe('我的认领');
    await phone.context().close();

    // A visitor who never opened a private link does not see it.
    const stranger = await openPage({ javaScriptEnabled: false });
    for (const path of ['/', '/wall/']) {
      await stranger.goto(path);
      expect(await stranger.getByRole('link', { name: '我的认领' }).count(), path).toBe(0);
    }
    await stranger.context().close();
  });
});
