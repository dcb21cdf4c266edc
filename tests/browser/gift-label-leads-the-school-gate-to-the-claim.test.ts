import { describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';
import { decodeQr } from '../support/qr';
import { claimedCard, volunteer as newVolunteer } from '../support/served-site-data';

describe('the gift label and the school gate', () => {
  it('a volunteer prints a label whose QR code opens the console’s page for the claim, where a coordinator confirms receipt in two taps', async () => {
    // A volunteer whose claimed gift is on its way to the school, made for this test.
    const token = await newVolunteer('approved');
    const { code } = await claimedCard(token, 'delivered');
    const volunteer = await openPage({ javaScriptEnabled: false });
    await volunteer.goto(`/v/${token}`);
    await volunteer.goto('/me');
    const claimItem = volunteer.getByRole('listitem').filter({ hasText: code });
    await claimItem.getByRole('link', { name: '打印礼物标签' }).click();
    expect(await volunteer.getByText(`心愿卡 ${code}`).count()).toBe(1);

    // The site's own address, as the letter's QR code has it, whatever host served the label.
    const printed = (await decodeQr(volunteer, '.label-qr svg')) ?? '';
    const home = await (await fetch(`${inject('baseUrl')}/`)).text();
    const siteOrigin = new URL(home.match(/<link rel="canonical" href="([^"]+)"/)![1]!).origin;
    expect(printed).toMatch(new RegExp(`^${siteOrigin}/admin/claims/\\d+$`));
    const target = `${inject('baseUrl')}${new URL(printed).pathname}`;
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
    const card = (await (await fetch(`${inject('baseUrl')}/api/cards/${code}`)).json()) as { card: { status: string } };
    expect(card.card.status).toBe('fulfilled');
    await phone.context().close();
  });
});
