import { describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';
import { openPage } from '../support/chromium';
import { publishedCard } from '../support/served-site-data';

describe('the audit trail for a coordinator who is not an engineer', () => {
  it('filters by an action chosen from a list and reads each row as words: who, what (a link), and the change as a sentence', async () => {
    const code = await publishedCard();
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto('/admin/login');
    await page.getByLabel('用户名').fill(DEMO_COORDINATOR.username);
    await page.getByLabel('密码').fill(DEMO_COORDINATOR.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/admin/');
    await page.goto('/admin/audit');
    await page.getByLabel('操作').selectOption({ label: '发布心愿卡' });
    await page.getByRole('button', { name: '筛选' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `心愿卡 ${code}` }) });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('状态从“草稿”变为“待认领”');
    expect(await page.locator('table').textContent()).not.toMatch(/[{}]|card\.publish/);
    await page.context().close();
  });
});
