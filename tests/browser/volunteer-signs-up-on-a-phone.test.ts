import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';
import { openPage } from '../support/chromium';

async function fillSignup(page: Page, mobile: string) {
  await page.getByLabel('姓名').fill('林志愿');
  await page.getByLabel('手机号').fill(mobile);
  await page.getByLabel('住在哪个镇或区').fill('青石镇');
  await page.getByLabel('认领心愿卡').check();
  await page.getByLabel('辅导功课或兴趣课').check();
}

describe('a volunteer signs up on a phone, without JavaScript', () => {
  it('gets every mistake explained beside its field, keeps what was typed, then lands on the private page and later sees the coordinator’s decision', async () => {
    const page = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await page.goto('/appeal/');
    await page.getByRole('link', { name: '报名做志愿者' }).first().click();
    await page.waitForURL('**/volunteer/');

    await fillSignup(page, '1390000');
    await page.getByLabel('电子邮箱（可不填）').fill('lin@');
    await page.getByRole('button', { name: '提交报名' }).click();
    const summary = page.getByRole('alert');
    const links = await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['#mobile', '#email', '#agreeCode', '#agreePrivacy']));
    expect(await page.locator('#mobile-error').textContent()).toContain('11 位手机号');
    expect(await page.getByLabel('姓名').inputValue()).toBe('林志愿');
    expect(await page.getByLabel('认领心愿卡').isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByLabel('手机号').fill('139 0000 5678');
    await page.getByLabel('电子邮箱（可不填）').fill('');
    await page.getByLabel(/我读过并同意儿童保护守则/).check();
    await page.getByLabel(/我读过并同意隐私说明/).check();
    await page.getByRole('button', { name: '提交报名' }).click();
    await page.waitForURL(/\/v\/[\w-]{43}\?new=1$/);
    const privateUrl = page.url().replace(/\?new=1$/, '');
    expect(await page.getByRole('status').textContent()).toContain('报名已提交');
    expect(await page.locator('.private-link').textContent()).toBe(privateUrl);
    expect(await page.getByText('学校正在审核').count()).toBe(1);
    // The page holds no personal data, and its address is never sent onward.
    expect(await page.content()).not.toContain('13900005678');
    const head = await fetch(privateUrl);
    expect(head.headers.get('referrer-policy')).toBe('no-referrer');
    expect(head.headers.get('cache-control')).toBe('no-store');

    // The coordinator rejects the sign-up with a reason.
    const console = await openPage({ javaScriptEnabled: false });
    await console.goto('/admin/login');
    await console.getByLabel('用户名').fill(DEMO_COORDINATOR.username);
    await console.getByLabel('密码').fill(DEMO_COORDINATOR.password);
    await console.getByRole('button', { name: '登录' }).click();
    await console.waitForURL('**/admin/');
    await console.goto('/admin/volunteers/?q=13900005678');
    await console.getByRole('link', { name: '林志愿' }).click();
    await console.getByLabel('未通过的原因（志愿者会看到）').fill('代理家长需要先参加培训');
    await console.getByRole('button', { name: '不通过' }).click();
    expect(await console.getByRole('status').textContent()).toContain('未通过');
    await console.context().close();

    // The same browser (its cookie) shows the decision on /me.
    await page.goto('/me');
    expect(await page.getByText('这次没有通过').count()).toBe(1);
    expect(await page.getByText('学校的说明：代理家长需要先参加培训').count()).toBe(1);
    await page.context().close();

    const api = await fetch(`${inject('baseUrl')}/api/me`, { headers: { Authorization: `Bearer ${privateUrl.split('/').pop()}` } });
    expect(((await api.json()) as { volunteer: { status: string } }).volunteer.status).toBe('rejected');
  });

  it('is asked to write their name and town in words when they typed only emoji, and keeps the rest', async () => {
    const page = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await page.goto('/volunteer/');
    await fillSignup(page, '13900007777');
    await page.getByLabel('姓名').fill('😀😀');
    await page.getByLabel('住在哪个镇或区').fill('🌾🏠');
    await page.getByLabel(/我读过并同意儿童保护守则/).check();
    await page.getByLabel(/我读过并同意隐私说明/).check();
    await page.getByRole('button', { name: '提交报名' }).click();
    expect(await page.locator('#name-error').textContent()).toContain('请用文字写姓名');
    expect(await page.locator('#town-error').textContent()).toContain('请用文字写镇或区的名字');
    expect(await page.getByLabel('手机号').inputValue()).toBe('13900007777');
    expect(new URL(page.url()).pathname).toBe('/volunteer/');
    await page.context().close();
  });
});
