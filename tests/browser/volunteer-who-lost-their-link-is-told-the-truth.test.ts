import { describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';
import { openPage } from '../support/chromium';
import { publishedCard, volunteerWithId } from '../support/served-site-data';

// A cheap Android phone inside WeChat, as a volunteer who changed phones would be.
const WECHAT_PHONE = {
  javaScriptEnabled: false,
  viewport: { width: 360, height: 740 },
  userAgent: 'Mozilla/5.0 (Linux; Android 10; V2001A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.99 Mobile Safari/537.36 MicroMessenger/8.0.40.2420(0x28002837) NetType/WIFI Language/zh_CN',
};

describe('a volunteer who lost their private link', () => {
  it('signs up again with the same mobile, is told the school will send a new link, and the coordinator sends one from the to-do list', async () => {
    const registered = await volunteerWithId('approved');
    const code = await publishedCard({ alias: '星星', wish: '想要一本带拼音的童话书。' });

    // A new phone: no cookie. From a wish card, through the sign-up, with the same mobile.
    const phone = await openPage(WECHAT_PHONE);
    await phone.goto(`/wall/${code}`);
    await phone.getByRole('link', { name: '报名后认领' }).click();
    await phone.getByLabel('姓名').fill(registered.name);
    await phone.getByLabel('手机号').fill(registered.mobile);
    await phone.getByLabel('住在哪个镇或区').fill('青石镇');
    await phone.getByLabel('认领心愿卡').check();
    await phone.getByLabel(/我读过并同意儿童保护守则/).check();
    await phone.getByLabel(/我读过并同意隐私说明/).check();
    await phone.getByRole('button', { name: '提交报名' }).click();
    await phone.waitForURL(/\/v\/[\w-]{43}/);

    // The truth, what happens next, and how to reach the school; nothing of the registered volunteer.
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe('您已经报过名了');
    expect(await phone.getByRole('heading', { name: '这个手机号已经报过名了' }).count()).toBe(1);
    expect(await phone.getByText(/会打电话或发微信，给您一个新的私人链接/).count()).toBe(1);
    expect(await phone.locator('a[href^="tel:"]').count()).toBe(1);
    const page = await phone.content();
    for (const hidden of ['学校正在审核', '已通过', '报名已提交', '这个网址就是您的钥匙', '回到刚才的心愿卡', registered.mobile]) expect(page).not.toContain(hidden);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Back on the card: no loop back to the sign-up.
    await phone.goto(`/wall/${code}`);
    expect(await phone.getByRole('link', { name: '报名后认领' }).count()).toBe(0);
    expect(await phone.getByRole('heading', { name: '这个手机号已经报过名了' }).count()).toBe(1);

    // The coordinator sees it on the to-do list and sends a fresh link in one tap from there.
    const desk = await openPage({ javaScriptEnabled: false });
    await desk.goto('/admin/login');
    await desk.getByLabel('用户名').fill(DEMO_COORDINATOR.username);
    await desk.getByLabel('密码').fill(DEMO_COORDINATOR.password);
    await desk.getByRole('button', { name: '登录' }).click();
    await desk.waitForURL('**/admin/');
    await desk.getByRole('link', { name: /丢了链接、又来报名的志愿者/ }).click();
    const row = desk.getByRole('row').filter({ hasText: registered.name });
    await row.getByRole('button', { name: '发新链接' }).click();
    const freshLink = (await desk.locator('.private-link').textContent())!.trim();
    expect(freshLink).toMatch(/\/v\/[\w-]{43}$/);
    await desk.context().close();

    // The new link opens the volunteer's own page again; the old one no longer works.
    await phone.goto(new URL(freshLink).pathname);
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe('我的认领');
    expect((await phone.goto(`/v/${registered.token}`))?.status()).toBe(404);
    await phone.context().close();
  });
});
