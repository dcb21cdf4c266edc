import { env } from 'cloudflare:workers';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CardFilterSchema, checkSheet, listConsoleCards } from '#worker/cards/index.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { createCard } from '../support/factories';

const ctx = { schoolNames: ['青石镇中心小学'], villageNames: [] };
const HEADER = '称呼,年龄,年级,类别,心愿,学校登记编号,监护人同意的日期,监护人同意的方式';
const sheet = (rows: string[]) => checkSheet([HEADER, ...rows].join('\r\n'), ctx, new Set());

describe('a class teacher’s spreadsheet', () => {
  it('reads grades as teachers write them: 一年级 … 六年级, 1年级, 初一 … 初三, 七年级 … 九年级, 学前班', () => {
    const grades: [string, string][] = [
      ['一年级', 'lower_primary'], ['2年级', 'lower_primary'], ['三年级', 'middle_primary'], ['小学四年级', 'middle_primary'],
      ['五年级', 'upper_primary'], ['6年级', 'upper_primary'], ['初一', 'junior_high'], ['初三', 'junior_high'],
      ['七年级', 'junior_high'], ['九年级', 'junior_high'], ['学前班', 'preschool'], ['幼儿园', 'preschool'],
    ];
    const ages: Record<string, number> = { lower_primary: 7, middle_primary: 9, upper_primary: 11, junior_high: 13, preschool: 5 };
    const report = sheet(grades.map(([g, band], i) => `小雨${i},${ages[band]},${g},文具,想要一个新文具盒。,REG-${i},2026-11-18,纸质回执`));
    expect(report.rows.map((r) => r.errors)).toEqual(grades.map(() => []));
    expect(report.rows.map((r) => r.card?.gradeBand)).toEqual(grades.map(([, band]) => band));
  });

  it('reads the common wordings of the guardian’s consent', () => {
    const words: [string, string][] = [['回执', 'paper'], ['家长签字', 'paper'], ['书面同意', 'paper'], ['电话同意', 'phone'], ['电话确认', 'phone']];
    const report = sheet(words.map(([w], i) => `乐乐${i},9,三年级,图书,想要一本讲恐龙的书。,REG-C${i},2026-11-18,${w}`));
    expect(report.rows.map((r) => r.card?.consentMethod)).toEqual(words.map(([, m]) => m));
  });

  it('shows each row as typed beside its errors, and tells what a refused value could have been', () => {
    const [row] = sheet(['朵朵,9,高年级,玩具,想要一个足球。,REG-X1,2026-11-18,微信']).rows;
    expect(row!.values).toMatchObject({ 称呼: '朵朵', 年级段: '高年级', 类别: '玩具', 同意方式: '微信' });
    const messages = Object.fromEntries(row!.errors.map((e) => [e.field, e.message]));
    expect(messages['年级段']).toContain('一年级 到 六年级');
    expect(messages['类别']).toContain('学习用品、图书');
    expect(messages['同意方式']).toContain('电话同意');
  });
});

describe('the console’s card list', () => {
  it('finds a card by the school’s register number too', async () => {
    const card = await createCard({ status: 'draft' });
    await createCard({ status: 'draft' });
    const found = await listConsoleCards(getDb(env.DB), v.parse(CardFilterSchema, { q: card.handoutRef }));
    expect(found.cards.map((c) => c.code)).toEqual([card.code]);
    expect(found.total).toBe(1);
  });
});
