import { describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium';
import { publishedCard, volunteer as newVolunteer } from '../support/served-site-data';

describe('claiming from the wish wall, without JavaScript', () => {
  it('a visitor without a sign-up is led to sign up and back to the card', async () => {
    const code = await publishedCard();
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/wall/${code}`);
    expect(await page.getByRole('button', { name: '认领' }).count()).toBe(0);
    await page.getByRole('link', { name: '报名后认领' }).click();
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/wall/${code}`);
    await page.context().close();
  });

  it('a volunteer opens their private link, claims a card, sees it on their page and cancels it; a second volunteer who was too late gets a kind answer with other cards', async () => {
    // A card on the wall, a volunteer still being vetted and an approved one, made for this test.
    const code = await publishedCard({ alias: '果果' });
    const first = await openPage({ javaScriptEnabled: false });
    await first.goto(`/v/${await newVolunteer('pending')}`);
    const second = await openPage({ javaScriptEnabled: false });
    await second.goto(`/v/${await newVolunteer('approved')}`);

    // Both open the same card; the first presses 认领 first.
    await first.goto(`/wall/${code}`);
    await second.goto(`/wall/${code}`);
    await first.getByRole('button', { name: '认领' }).click();
    await first.waitForURL(`**/me?claimed=${code}`);
    expect(await first.getByRole('status').textContent()).toContain('认领成功');
    expect(await first.getByRole('heading', { name: new RegExp(`果果的心愿（${code}）\\s*：待审核`) }).count()).toBe(1);

    await second.getByRole('button', { name: '认领' }).click();
    expect(await second.getByRole('alert').textContent()).toContain('刚刚被别人认领');
    expect(await second.getByRole('heading', { name: '这些孩子的心愿也在等您' }).count()).toBe(1);

    const api = (await (await fetch(`${inject('baseUrl')}/api/cards/${code}`)).json()) as { card: { status: string } };
    expect(api.card.status).toBe('claimed');

    // Cancelling asks first, on a second page, and says what happens to the card.
    await first.getByRole('listitem').filter({ hasText: code }).getByRole('link', { name: '取消认领' }).click();
    expect(await first.getByRole('heading', { name: /确认取消认领/ }).textContent()).toContain(code);
    expect(await first.getByText('这张心愿卡会回到心愿墙').count()).toBe(1);
    const still = (await (await fetch(`${inject('baseUrl')}/api/cards/${code}`)).json()) as { card: { status: string } };
    expect(still.card.status).toBe('claimed');
    await first.getByRole('button', { name: '确认取消认领' }).click();
    await first.waitForURL('**/me?done=cancel');
    const after = (await (await fetch(`${inject('baseUrl')}/api/cards/${code}`)).json()) as { card: { status: string } };
    expect(after.card.status).toBe('open');
    await first.context().close();
    await second.context().close();
  });

  it('a claim form posted without the volunteer’s form token changes nothing', async () => {
    const code = await publishedCard();
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/v/${await newVolunteer('approved')}`);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const base = inject('baseUrl');
    const res = await fetch(`${base}/wall/${code}`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: '_form=wrong' });
    expect(res.status).toBe(403);
    const card = (await (await fetch(`${base}/api/cards/${code}`)).json()) as { card: { status: string } };
    expect(card.card.status).toBe('open');
    await page.context().close();
  });

  it('a visitor narrows the wall by category with a plain GET form', async () => {
    const page = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await page.goto('/wall/');
    await page.getByLabel('类别').selectOption('sports');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/category=sports/);
    const metas = await page.locator('.cards .meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((m) => m.includes('体育用品'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });
});
