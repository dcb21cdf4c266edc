import jsQR from 'jsqr';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_COORDINATOR } from '../../scripts/demo/demo-data';
import { openPage } from './chromium';

describe('the gift label and the school gate', () => {
  it('a volunteer prints a label whose QR code opens the console’s page for the claim, where a coordinator confirms receipt in two taps', async () => {
    const volunteer = await openPage({ javaScriptEnabled: false });
    await volunteer.goto('/v/demo-volunteer-2-local-only');
    await volunteer.goto('/me');
    const claimItem = volunteer.getByRole('listitem').filter({ hasText: 'W6QJ3' });
    await claimItem.getByRole('link', { name: '打印礼物标签' }).click();
    expect(await volunteer.getByText('心愿卡 W6QJ3').count()).toBe(1);

    const size = 300;
    const pixels = await volunteer.evaluate(async (size) => {
      const svg = document.querySelector('.label-qr svg')!;
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, size, size);
      return Array.from(ctx.getImageData(0, 0, size, size).data);
    }, size);
    const target = jsQR(new Uint8ClampedArray(pixels), size, size)?.data ?? '';
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
