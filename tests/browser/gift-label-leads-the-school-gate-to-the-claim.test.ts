import { describe, expect, inject, it } from 'vitest';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';
import { openPage } from '../support/chromium';
import { decodeQr } from '../support/qr';

describe('the gift label and the school gate', () => {
  it('a volunteer prints a label whose QR code opens the console’s page for the claim, where a coordinator confirms receipt in two taps', async () => {
    const volunteer = await openPage({ javaScriptEnabled: false });
    await volunteer.goto('/v/demo-volunteer-2-local-only');
    await volunteer.goto('/me');
    const claimItem = volunteer.getByRole('listitem').filter({ hasText: 'W6QJ3' });
    await claimItem.getByRole('link', { name: '打印礼物标签' }).click();
    expect(await volunteer.getByText('心愿卡 W6QJ3').count()).toBe(1);

    const target = (await decodeQr(volunteer, '.label-qr svg')) ?? '';
    expect(target).toMatch(new RegExp(`^${inject('baseUrl')}/admin/claims/\\d+$`));
    await volunteer.context().close();

    // At the gate: scan (open the address), log in, one tap.
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await phone.goto(target);
    await phone.getByLabel('用户名').fill(DEMO_COORDINATOR.username);
    await phone.getByLabel('密码').fill(DEMO_COORDINATOR.password);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.waitForURL(target);
    await phone.getByRole('button', { name: '确认收到礼物' }).click();
    expect(await phone.getByRole('status').textContent()).toContain('已确认收到礼物');
    const card = (await (await fetch(`${inject('baseUrl')}/api/cards/W6QJ3`)).json()) as { card: { status: string } };
    expect(card.card.status).toBe('fulfilled');
    await phone.context().close();
  });
});
