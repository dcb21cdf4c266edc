import { describe, expect, it } from 'vitest';
import { openPage } from '../support/chromium';
import { consolePairings, startPairing, volunteerWithId } from '../support/served-site-data';

describe('a volunteer who chose pairing, on a 360 px phone without JavaScript', () => {
  it('offers to pair from their page, and once the school has started the pairing logs each contact there; a home visit without its escort is refused beside the field, with everything typed kept', async () => {
    const volunteer = await volunteerWithId('approved', ['pairing']);
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await phone.goto(`/v/${volunteer.token}`);
    await phone.goto('/me');
    const pairings = phone.locator('#pairings');

    // The offer: the code of conduct must be agreed.
    await pairings.getByLabel('结对的方式').selectOption({ label: '代理家长' });
    await pairings.getByLabel('您多久能来一次').selectOption({ label: '每月' });
    await pairings.getByRole('button', { name: '报名结对' }).click();
    expect(await phone.getByRole('alert').textContent()).toContain('请阅读并同意结对守则');
    expect(await pairings.getByLabel('您多久能来一次').inputValue()).toBe('monthly');
    await pairings.getByLabel('我读过并同意结对守则').check();
    await pairings.getByRole('button', { name: '报名结对' }).click();
    await phone.waitForURL('**/me?done=offer*');
    expect(await phone.getByRole('status').textContent()).toContain('已报名结对');
    expect(await pairings.textContent()).toContain('报名结对，等待匹配');

    // The school matches a child and starts the pairing.
    const offer = (await consolePairings('offered')).find((p) => p.volunteerId === volunteer.id)!;
    await startPairing(offer.id, '小满');
    await phone.goto('/me');
    expect(await pairings.getByRole('heading', { level: 3 }).first().textContent()).toContain('和小满结对（小学三四年级）：进行中');
    expect(await pairings.textContent()).toContain('在学校谈心');

    // A home visit needs its escort: refused beside the field, the rest kept.
    await pairings.getByLabel('方式', { exact: true }).selectOption({ label: '家访（有人陪同）' });
    await pairings.getByLabel('大约多少分钟').fill('45');
    await pairings.getByRole('button', { name: '记下这次联系' }).click();
    expect(await phone.getByRole('alert').textContent()).toContain('家访一定要有老师或村干部陪同');
    expect(await pairings.getByLabel('大约多少分钟').inputValue()).toBe('45');
    await pairings.getByLabel('家访陪同的人（只有家访要选）').selectOption({ label: '老师' });
    await pairings.getByLabel('请学校联系我（学校会打电话给您）').check();
    await pairings.getByRole('button', { name: '记下这次联系' }).click();
    await phone.waitForURL('**/me?done=log*');
    expect(await pairings.textContent()).toMatch(/家访（有人陪同） · 45 分钟 · 老师陪同 · 等学校回电/);
    // The school's console sees the call request.
    expect((await consolePairings('active')).find((p) => p.id === offer.id)?.callRequests).toBe(1);
    await phone.context().close();
  });
});
