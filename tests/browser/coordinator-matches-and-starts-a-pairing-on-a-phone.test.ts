import { describe, expect, it } from 'vitest';
import { openPage } from '../support/chromium';
import { logInToConsole } from '../support/console-login';
import { offerToPair, volunteerWithId } from '../support/served-site-data';

describe('a coordinator on a 360 px phone without JavaScript', () => {
  it('finds an offer from the to-do page, records a child, matches them, cannot start the pairing before consent and the record check, then starts and suspends it', async () => {
    const volunteer = await volunteerWithId('approved', ['pairing']);
    const pairingId = await offerToPair(volunteer.token);
    const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await logInToConsole(phone);

    await phone.getByRole('link', { name: '等待匹配的结对报名' }).click();
    await phone.getByRole('link', { name: new RegExp(`#${pairingId} `) }).click();
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe(`结对 #${pairingId}：代理家长`);

    // A child's record: the privacy gate refuses a name, beside the field, and keeps what was typed.
    await phone.getByRole('link', { name: '登记一个孩子' }).click();
    const ref = `QS-${Date.now().toString(36)}-9`;
    await phone.getByLabel('学校登记编号').fill(ref);
    await phone.getByLabel('称呼（小名，不写姓）').fill('王小燕');
    await phone.getByLabel('年级段').selectOption({ label: '小学五六年级' });
    await phone.getByRole('button', { name: '登记' }).click();
    expect(await phone.locator('.field-error').first().textContent()).toContain('王小燕');
    expect(await phone.getByLabel('学校登记编号').inputValue()).toBe(ref);
    await phone.getByLabel('称呼（小名，不写姓）').fill('小燕');
    await phone.getByRole('button', { name: '登记' }).click();
    await phone.waitForURL('**/admin/pairings/children?done=1');

    await phone.goto(`/admin/pairings/${pairingId}`);
    await phone.getByLabel('孩子（学校登记编号、称呼、年级段）').selectOption({ label: `${ref} 小燕（小学五六年级）` });
    await phone.getByRole('button', { name: '匹配这个孩子' }).click();
    await phone.waitForURL(`**/admin/pairings/${pairingId}?done=propose`);

    // Not before the safeguards: the page says which are missing.
    await phone.getByRole('button', { name: '结对开始' }).click();
    expect(await phone.getByRole('alert').textContent()).toContain('还没有记下监护人同意结对的日期和方式');
    await phone.getByLabel('监护人同意结对的日期').fill('2026-11-20');
    await phone.getByLabel('同意的方式').selectOption({ label: '纸质回执' });
    await phone.getByLabel('查询志愿者有关记录的日期（由您查询）').fill('2026-11-21');
    await phone.getByRole('button', { name: '记下核查' }).click();
    await phone.waitForURL('**?done=safeguards');
    await phone.getByRole('button', { name: '结对开始' }).click();
    await phone.waitForURL('**?done=activate');
    expect(await phone.locator('.facts').textContent()).toContain('进行中');
    expect(await phone.getByRole('heading', { name: '要做的联系' }).count()).toBe(1);

    await phone.getByRole('button', { name: '立即暂停结对' }).click();
    await phone.waitForURL('**?done=suspend');
    expect(await phone.locator('.facts').textContent()).toContain('已暂停');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.context().close();
  });
});
