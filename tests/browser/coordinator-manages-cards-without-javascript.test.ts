import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';
import { openPage } from '../support/chromium';

async function consolePage(): Promise<Page> {
  const page = await openPage({ javaScriptEnabled: false, acceptDownloads: true });
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(DEMO_COORDINATOR.username);
  await page.getByLabel('密码').fill(DEMO_COORDINATOR.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/admin/');
  return page;
}

describe('a coordinator manages wish cards in the console, without JavaScript', () => {
  it('creates a card, is stopped by the privacy check, fixes it, reviews, records consent and publishes it to the wall', async () => {
    const page = await consolePage();
    await page.goto('/admin/cards/new');
    // A first try with a missing field keeps everything typed.
    await page.getByLabel('称呼（小名，不写姓）').fill('李小红');
    await page.getByLabel('年龄').fill('10');
    await page.getByLabel('年级段').selectOption('middle_primary');
    await page.getByLabel('心愿（孩子自己的话）').fill('我想要一个画板，画我家的小猫。');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('心愿类别');
    expect(await page.getByLabel('称呼（小名，不写姓）').inputValue()).toBe('李小红');
    expect(await page.getByLabel('心愿（孩子自己的话）').inputValue()).toBe('我想要一个画板，画我家的小猫。');

    await page.getByLabel('心愿类别').selectOption('stationery');
    await page.getByLabel('学校登记编号（仅协调员可见）').fill('登记-B-301');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await page.waitForURL(/\/admin\/cards\/[A-Z2-9]{5}\?saved=1$/);
    const code = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.getByRole('region', { name: /发布前还要处理/ }).textContent()).toContain('李小红');

    await page.getByRole('button', { name: '措辞审核通过' }).click();
    await page.getByRole('button', { name: '发布到心愿墙' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('监护人同意');

    await page.getByLabel('称呼（小名，不写姓）').fill('红红');
    await page.getByLabel('监护人同意公开的日期').fill('2026-11-20');
    await page.getByLabel('监护人同意的方式').selectOption('paper');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.waitForURL('**?done=saved');
    // New wording needs a new review.
    await page.getByRole('button', { name: '措辞审核通过' }).click();
    await page.getByRole('button', { name: '发布到心愿墙' }).click();
    await page.waitForURL('**?done=publish');
    expect(await page.getByRole('status').textContent()).toContain('已发布');

    const wall = await fetch(`${inject('baseUrl')}/wall/${code}`);
    expect(wall.status).toBe(200);
    const html = await wall.text();
    expect(html).toContain('红红的心愿');
    expect(html).not.toContain('登记-B-301');
    await page.context().close();
  });

  it('checks the real names typed at review without keeping them, marks a book’s author “不是个人信息”, and withdraws an unreviewed draft', async () => {
    const page = await consolePage();
    await page.goto('/admin/cards/new');
    await page.getByLabel('称呼（小名，不写姓）').fill('朵朵');
    await page.getByLabel('年龄').fill('9');
    await page.getByLabel('年级段').selectOption('middle_primary');
    await page.getByLabel('心愿类别').selectOption('books');
    await page.getByLabel('心愿（孩子自己的话）').fill('我想要作家曹文写的书，子涵也想看');
    await page.getByLabel('学校登记编号（仅协调员可见）').fill('登记-B-302');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await page.waitForURL(/\?saved=1$/);
    const checklist = page.getByRole('region', { name: /发布前还要处理/ });
    expect(await checklist.textContent()).toContain('曹文');
    expect(await checklist.textContent()).toContain('监护人同意');
    expect(await checklist.textContent()).toContain('还没审核');

    // The real name is checked against the words, refused, and not put back into the page.
    await page.getByLabel('孩子和家长的真实姓名（可不填）').fill('王子涵');
    await page.getByRole('button', { name: '措辞审核通过' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('真实姓名');
    expect(await page.getByLabel('孩子和家长的真实姓名（可不填）').inputValue()).toBe('');
    expect(await page.content()).not.toContain('王子涵');

    await page.getByText('这不是个人信息').first().click();
    await page.getByLabel(/为什么不是/).first().fill('是书的作者');
    await page.getByRole('button', { name: '标记为“不是个人信息”' }).first().click();
    await page.waitForURL('**?done=dismiss');
    expect(await page.getByRole('region', { name: '已标记为“不是个人信息”' }).textContent()).toContain('是书的作者');

    await page.getByLabel('撤下原因').fill('孩子转学了');
    await page.getByRole('button', { name: '撤下' }).click();
    await page.waitForURL('**?done=withdraw');
    expect(await page.getByText('已撤下').first().count()).toBe(1);
    await page.context().close();
  });

  it('imports a spreadsheet after a preview, then exports the cards as a CSV download', async () => {
    const page = await consolePage();
    await page.goto('/admin/import/');
    const csv = '\uFEFF称呼,年龄,年级段,类别,心愿,尺码说明,学校登记编号,监护人同意日期,同意方式,备注\r\n'
      + '丫丫,8,小学三四年级,图书,想要一本童话书,,BR-IMP-1,2026-11-18,纸质回执,\r\n'
      + '豆子,abc,小学三四年级,图书,想要一本漫画书,,BR-IMP-2,,,\r\n';
    await page.getByLabel('表格文件（.xlsx 或 CSV，最大 1 MB）').setInputFiles({ name: '心愿卡.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '上传并预览' }).click();
    expect(await page.getByRole('heading', { name: '预览：还没有保存任何内容' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: '年龄：年龄请填数字，例如 9' }).count()).toBe(1);
    await page.getByRole('button', { name: '导入这 1 张（作为草稿）' }).click();
    expect(await page.getByRole('status').textContent()).toContain('已导入 1 张');

    await page.goto('/admin/cards/?q=丫丫');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^心愿卡-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('丫丫,8,小学三四年级,图书,想要一本童话书,,BR-IMP-1');
    await page.context().close();
  });
});
