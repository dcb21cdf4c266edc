import { describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';
import { openPage } from '../support/chromium';
import { claimedCard, volunteer } from '../support/served-site-data';

describe('a gift label without a printer', () => {
  it('tells the volunteer to write the card code on the gift, and the school gate confirms the gift by that code', async () => {
    const token = await volunteer();
    const { code } = await claimedCard(token, 'delivered');

    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await phone.goto(`/v/${token}`);
    await phone.goto('/me');
    await phone.getByRole('link', { name: '打印礼物标签' }).click();
    expect(await phone.getByText(`在礼物外面用粗笔写清楚“守望”和心愿卡编号 ${code}`).count()).toBe(1);
    await phone.context().close();

    const gate = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await gate.goto('/admin/login');
    await gate.getByLabel('用户名').fill(DEMO_COORDINATOR.username);
    await gate.getByLabel('密码').fill(DEMO_COORDINATOR.password);
    await gate.getByRole('button', { name: '登录' }).click();
    await gate.waitForURL('**/admin/');

    // A code copied wrongly is said so, and the field keeps it.
    await gate.getByLabel('礼物到了？输入礼物上的心愿卡编号').fill('ZZZZZ');
    await gate.getByRole('button', { name: '查找并确认收到' }).click();
    expect(await gate.getByRole('alert').textContent()).toContain('没有找到心愿卡“ZZZZZ”的在途礼物');

    // Handwriting is often lower case: it is found all the same.
    await gate.getByLabel('礼物到了？输入礼物上的心愿卡编号').fill(code.toLowerCase());
    await gate.getByRole('button', { name: '查找并确认收到' }).click();
    await gate.waitForURL(/\/admin\/claims\/\d+$/);
    await gate.getByRole('button', { name: '确认收到礼物' }).click();
    expect(await gate.getByRole('status').textContent()).toContain('已确认收到礼物');
    await gate.context().close();
  });
});
