import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIRECTION_MARK_MESSAGE } from '#worker/platform/input/text-rules.ts';
import { adminFetch, coordinatorCookie, countRows } from '../support/api-client';
import { createCampaign, createCard } from '../support/factories';

let cookie = '';
const HEADER = '称呼,年龄,年级段,类别,心愿,尺码说明,学校登记编号,监护人同意日期,同意方式,备注';
/** UTF-8 text as base64, with or without Excel's BOM. */
const utf8 = (text: string, bom = true) => {
  const bytes = new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
  return btoa(String.fromCharCode(...bytes));
};
/** Two rows saved by Chinese Excel as GBK (made with Python: text.encode('gbk'), then base64). */
const GBK_FILE =
  's8a69CzE6sHkLMTqvLa2zizA4LHwLNDE1Lgss9/C68u1w/cs0afQo7XHvMex4LrFLLzgu6TIy82s0uLI1cbaLM2s0uK3vcq9LLG416INCsDWwNYsNyzQodGn0ru2/sTqvLYszsS+3yzP69Kq0ru60LLKyavHprHKLCxHQkstMDAxLDIwMjYvMTEvMTgs1r3WyrvY1rQsDQq5+7n7LDEwLMj9y8TE6ry2LNLCt/4sz+vSqtK7y6vD3srWzNcstvnNryBNIMLrLEdCSy0wMDIsMjAyNsTqMTHUwjE5yNUstee7sCwNCg==';

type Report = { created: number; importable: number; encoding: string; rows: { line: number; errors: { field: string; message: string }[]; warnings: string[]; duplicate: boolean }[] };
const cardCount = () => countRows('SELECT count(*) AS n FROM cards');

beforeAll(async () => {
  // The current campaign: imports go into it.
  await createCampaign();
  cookie = await coordinatorCookie();
});

describe('importing cards from a spreadsheet', () => {
  const file = [
    HEADER,
    '小石,9,小学三四年级,图书,想要一本《西游记》,,IMP-001,2026-11-18,纸质回执,',
    '王小明,11,小学五六年级,体育用品,想要一个篮球,,IMP-002,2026-11-18,电话确认,',
    ',abc,大学,钱,,,,2026-13-45,,',
    // A quoted cell with a line break inside, as Excel writes it.
    '"阿福",6,学前,"陪伴/心愿活动","想请人陪我放风筝，\n还想学折纸",,IMP-003,,,',
  ].join('\r\n');

  it('previews every row with its line, field and problem, and writes nothing', async () => {
    const before = await cardCount();
    const res = await adminFetch(cookie, '/import/preview', 'POST', { fileBase64: utf8(file) });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.encoding).toBe('utf-8');
    expect(report.importable).toBe(3);
    expect(report.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(report.rows[1]!.warnings).toEqual([expect.stringContaining('王小明')]);
    const bad = report.rows[2]!.errors.map((e) => e.field);
    expect(bad).toEqual(expect.arrayContaining(['称呼', '年龄', '年级段', '类别', '心愿', '学校登记编号', '监护人同意日期']));
    expect(report.rows[2]!.errors.find((e) => e.field === '年龄')!.message).toBe('年龄请填数字，例如 9');
    expect(await cardCount()).toBe(before);
  });

  it('imports the valid rows as drafts with one audit row, and a second import of the same file adds nothing', async () => {
    const before = await cardCount();
    const first = (await (await adminFetch(cookie, '/import', 'POST', { fileBase64: utf8(file, false) })).json()) as Report;
    expect(first.created).toBe(3);
    expect(await cardCount()).toBe(before + 3);
    expect(await countRows("SELECT count(*) AS n FROM cards c JOIN card_private p ON p.card_id = c.id WHERE p.handout_ref LIKE 'IMP-%' AND c.status = 'draft'")).toBe(3);
    expect(await countRows("SELECT count(*) AS n FROM card_private WHERE handout_ref = 'IMP-003' AND consent_on IS NULL")).toBe(1);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'card.import'")).toBe(1);

    const again = (await (await adminFetch(cookie, '/import', 'POST', { fileBase64: utf8(file) })).json()) as Report;
    expect(again.created).toBe(0);
    expect(again.rows.filter((r) => r.duplicate).map((r) => r.line)).toEqual([2, 3, 5]);
    expect(await cardCount()).toBe(before + 3);
  });

  it('reads a GBK file as Chinese Excel saves it, with its dates and labels', async () => {
    const res = await adminFetch(cookie, '/import', 'POST', { fileBase64: GBK_FILE });
    const report = (await res.json()) as Report;
    expect(report.encoding).toBe('gb18030');
    expect(report.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(report.created).toBe(2);
    const row = await env.DB.prepare("SELECT c.alias, c.grade_band, c.category, p.consent_on, p.consent_method FROM cards c JOIN card_private p ON p.card_id = c.id WHERE p.handout_ref = 'GBK-002'").first();
    expect(row).toEqual({ alias: '果果', grade_band: 'middle_primary', category: 'clothing', consent_on: '2026-11-19', consent_method: 'phone' });
  });

  it('refuses a file with a column of children’s real names or contacts, and stores nothing of it', async () => {
    const before = await cardCount();
    const withNames = [`学生姓名,${HEADER},家长电话`, '张晓雨,小雨,9,小学三四年级,图书,想要书,,IMP-900,,,,13900001111'].join('\n');
    const res = await adminFetch(cookie, '/import', 'POST', { fileBase64: utf8(withNames) });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('file_refused');
    expect(error.message).toContain('学生姓名');
    expect(error.message).toContain('家长电话');
    expect(await cardCount()).toBe(before);
    const tables = ['cards', 'card_private', 'audit_log'];
    for (const t of tables) {
      const dump = JSON.stringify((await env.DB.prepare(`SELECT * FROM ${t}`).all()).results);
      expect(dump, t).not.toContain('张晓雨');
      expect(dump, t).not.toContain('13900001111');
    }
  });

  it('reports a row whose name is a control character instead of failing the whole import (found by the hostile-file sweep)', async () => {
    const before = await cardCount();
    const res = await adminFetch(cookie, '/import', 'POST', { fileBase64: utf8(`${HEADER}\r\n\u0000,9,小学三四年级,图书,想要书,,NUL-001,2026-11-18,纸质回执,\r\n小禾,9,小学三四年级,图书,想要书,,NUL-002,2026-11-18,纸质回执,`) });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.created).toBe(1);
    expect(report.rows[0]!.errors.map((e) => e.field)).toEqual(['称呼']);
    expect(await cardCount()).toBe(before + 1);
  });

  it('reports a row whose register number or name carries a direction override, and imports the others', async () => {
    const before = await cardCount();
    const rows = [HEADER, '小禾,9,小学三四年级,图书,想要书,,BIDI-\u202e100,2026-11-18,纸质回执,', '小\u2067禾\u2069,9,小学三四年级,图书,想要书,,BIDI-101,2026-11-18,纸质回执,', '小苗,9,小学三四年级,图书,想要书,,BIDI-102,2026-11-18,纸质回执,'];
    const report = (await (await adminFetch(cookie, '/import', 'POST', { fileBase64: utf8(rows.join('\r\n')) })).json()) as Report;
    expect(report.created).toBe(1);
    expect(report.rows[0]!.errors).toEqual([{ field: '学校登记编号', message: DIRECTION_MARK_MESSAGE }]);
    expect(report.rows[1]!.errors).toEqual([{ field: '称呼', message: DIRECTION_MARK_MESSAGE }]);
    expect(await cardCount()).toBe(before + 1);
  });

  it('imports 1,000 rows in one go', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `孩子${i % 50},${6 + (i % 8)},小学三四年级,图书,想要一本故事书,,BULK-${i},2026-11-18,纸质回执,`);
    const started = performance.now();
    const res = await adminFetch(cookie, '/import', 'POST', { fileBase64: utf8([HEADER, ...rows].join('\n')) });
    const report = (await res.json()) as Report;
    console.log(`imported ${report.created} rows in ${Math.round(performance.now() - started)} ms (local workerd)`);
    expect(report.created).toBe(1000);
    expect(await countRows("SELECT count(*) AS n FROM card_private WHERE handout_ref LIKE 'BULK-%'")).toBe(1000);
  });

  it('refuses what is not a file: bad base64, empty, oversized', async () => {
    // '/' and 'abcde' use the right alphabet but cannot be decoded (found by the hostile-input sweep).
    for (const body of [{ fileBase64: '***' }, { fileBase64: '/' }, { fileBase64: 'abcde' }, { fileBase64: '' }, {}, { fileBase64: 'A'.repeat(2_000_000) }]) {
      const res = await adminFetch(cookie, '/import/preview', 'POST', body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
  });
});

describe('exporting cards', () => {
  it('serves a CSV attachment Excel opens in Chinese, with formulas neutralised, and audits it', async () => {
    // Open cards on the wall, one of them with a note typed as a spreadsheet formula.
    await createCard({ status: 'open', notes: '=HYPERLINK("http://evil")' });
    for (let i = 0; i < 11; i++) await createCard({ status: 'open' });
    const res = await adminFetch(cookie, '/export/cards.csv?status=open');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''%E5%BF%83%E6%84%BF%E5%8D%A1-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('编号,称呼,年龄,年级段,类别,心愿,尺码说明,学校登记编号,监护人同意日期,同意方式,备注,状态,发布日期');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines.filter((l) => l.includes(',待认领,')).length).toBeGreaterThan(10);
    expect(await countRows("SELECT count(*) AS n FROM audit_log WHERE action = 'export'")).toBe(1);
  });

  it('offers the import template', async () => {
    const res = await adminFetch(cookie, '/import/template.csv');
    expect(res.headers.get('Content-Disposition')).toContain('attachment');
    expect((await res.text()).split('\r\n')[0]).toBe(HEADER); // text() drops the BOM
  });

  it('refuses the template’s example row when a teacher leaves it in, and takes the rows typed under it', async () => {
    const template = await (await adminFetch(cookie, '/import/template.csv')).text();
    const file = `${template.trimEnd()}\r\n小树,8,三年级,图书,想要一本童话书,,2027-登记-888,2026-11-18,纸质回执,\r\n`;
    const res = await adminFetch(cookie, '/import/preview', 'POST', { fileBase64: utf8(file) });
    const report = (await res.json()) as { importable: number; rows: { errors: { message: string }[] }[] };
    expect(report.importable).toBe(1);
    expect(report.rows[0]!.errors.map((e) => e.message).join()).toContain('示例行');
    expect(report.rows[1]!.errors).toEqual([]);
  });
});
