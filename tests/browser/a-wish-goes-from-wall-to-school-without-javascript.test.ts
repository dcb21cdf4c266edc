import { describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';
import { publishedCard, volunteer as newVolunteer } from '../support/served-site-data';

describe('a wish from the wall to the school, all without client JavaScript', () => {
  it('a volunteer claims, a coordinator approves, the volunteer marks it delivered, the coordinator confirms, and the card shows fulfilled', async () => {
    // A card on the wall and an approved volunteer, made for this test.
    const [code, token] = [await publishedCard(), await newVolunteer('approved')];
    const volunteer = await openPage({ javaScriptEnabled: false });
    await volunteer.goto(`/v/${token}`);
    await volunteer.goto(`/wall/${code}`);
    await volunteer.getByRole('button', { name: '认领' }).click();
    await volunteer.waitForURL(`**/me?claimed=${code}`);

    const coordinator = await openPage({ javaScriptEnabled: false });
    await coordinator.goto('/admin/claims/?queue=to_approve');
    await coordinator.getByLabel('用户名').fill(DEMO_COORDINATOR.username);
    await coordinator.getByLabel('密码').fill(DEMO_COORDINATOR.password);
    await coordinator.getByRole('button', { name: '登录' }).click();
    await coordinator.waitForURL('**/admin/claims/?queue=to_approve');
    await coordinator.getByRole('row').filter({ hasText: code }).getByRole('button', { name: '批准' }).click();
    expect(await coordinator.getByRole('status').textContent()).toContain('已批准');
    const claimUrl = coordinator.url().replace(/\?.*$/, '');

    await volunteer.goto('/me');
    const item = volunteer.getByRole('listitem').filter({ hasText: code });
    expect(await item.textContent()).toContain('已通过，待送达');
    await item.getByRole('button', { name: '礼物已送到学校' }).click();
    await volunteer.waitForURL('**/me?done=delivered');

    await coordinator.goto(claimUrl);
    await coordinator.getByRole('button', { name: '确认收到礼物' }).click();
    expect(await coordinator.getByRole('status').textContent()).toContain('已确认收到礼物');

    await volunteer.goto(`/wall/${code}`);
    expect(await volunteer.getByText('状态：已圆梦').count()).toBe(1);
    await volunteer.goto('/me');
    expect(await volunteer.getByRole('listitem').filter({ hasText: code }).textContent()).toContain('学校已收到');
    const card = (await (await fetch(`${inject('baseUrl')}/api/cards/${code}`)).json()) as { card: { status: string } };
    expect(card.card.status).toBe('fulfilled');
    await volunteer.context().close();
    await coordinator.context().close();
  });
});
