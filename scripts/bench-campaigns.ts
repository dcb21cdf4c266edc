/**
 * `npm run bench:campaigns` (after `npm run build`): a drive at the size of a real one, against the
 * built Worker served locally, on a throwaway database holding the demo plus 4,000 open cards.
 * Imports a 2,000-row class-teacher file (preview, then import), publishes the 2,000 drafts in one
 * request, and then times the wall with 6,000 open cards next to /api/health, the local floor, in
 * the same run. Prints a markdown table.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { getDb } from '#worker/platform/db/client.ts';
import { DEMO_COORDINATOR } from '../tests/support/demo/demo-data';
import { loadDemo } from '../tests/support/demo/load-demo';
import { stats, timed } from './bench-timing';
import { xlsxFile, type XCell } from '../tests/support/xlsx-files';
import { applyLocalMigrations, freePort, ROOT, serveBuilt, waitForHealthy } from '../tests/support/local-stack';

const ROWS = 2000;
/** Budgets this run is held to: the wall stays near the local floor however many cards, and a drive's import or publish answers within seconds. */
const WALL_P95_OVER_FLOOR = 2;
const WRITE_BUDGET_MS = 5000;
const SEEDED_OPEN = 4000;
const SAMPLES = 200;
const CONCURRENCY = 10;

/** The demo, and 4,000 published cards in the demo campaign (one statement: a JSON array). */
async function seed(persistTo: string): Promise<void> {
  const proxy = await getPlatformProxy<Env>({ configPath: path.join(ROOT, 'wrangler.toml'), persist: { path: path.join(persistTo, 'v3') }, remoteBindings: false });
  await loadDemo(getDb(proxy.env.DB));
  const now = Date.now();
  const rows = Array.from({ length: SEEDED_OPEN }, (_, i) => ({ i }));
  const d1 = proxy.env.DB;
  await d1.batch([
    d1
      .prepare(
        `INSERT INTO cards (campaign_id, code, alias, age, grade_band, category, wish, status, reviewed_at, reviewed_by, published_at, created_at, updated_at)
         SELECT 1, 'X' || printf('%06d', json_extract(j.value, '$.i')), '小测', 9, 'middle_primary', 'books', '想要一本讲海洋的书。', 'open', ?1, 1, ?1, ?1, ?1 FROM json_each(?2) AS j`,
      )
      .bind(now, JSON.stringify(rows)),
    d1
      .prepare(`INSERT INTO card_private (card_id, campaign_id, handout_ref, consent_on, consent_method) SELECT id, 1, 'BENCH-' || code, '2026-11-01', 'paper' FROM cards WHERE code GLOB 'X[0-9][0-9][0-9][0-9][0-9][0-9]'`)
      .bind(),
  ]);
  await proxy.dispose();
}

/** A class teacher's file: 2,000 rows in the template's columns, UTF-8 with a BOM as Excel saves it. */
function teachersFile(): string {
  const categories = ['学习用品', '图书', '衣物', '体育用品', '其他'];
  const grades = ['一年级', '三年级', '五年级', '初一'];
  const lines = ['称呼,年龄,年级段,类别,心愿,尺码说明,学校登记编号,监护人同意日期,同意方式,备注'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(['小林', String(6 + (i % 8)), grades[i % 4], categories[i % 5], `想要一本画册，画下第 ${i + 1} 个冬天。`, '', `2027-登记-${String(i).padStart(5, '0')}`, '2026-11-18', '纸质回执', ''].join(','));
  }
  return '\uFEFF' + lines.join('\r\n');
}

/** The same file as a workbook the way Excel saves it: shared strings, numbers as numbers, the consent day as a date serial. */
async function teachersWorkbook(): Promise<Uint8Array> {
  const categories = ['学习用品', '图书', '衣物', '体育用品', '其他'];
  const rows: XCell[][] = [['称呼', '年龄', '年级段', '类别', '心愿', '尺码说明', '学校登记编号', '监护人同意日期', '同意方式', '备注']];
  for (let i = 0; i < ROWS; i++) rows.push(['小周', 6 + (i % 8), '三年级', categories[i % 5]!, `想要一盒彩笔，画第 ${i + 1} 幅画。`, null, `2027-表格-${String(i).padStart(5, '0')}`, { date: '2026-11-18' }, '纸质回执', null]);
  return xlsxFile([{ name: 'Sheet1', rows }]);
}

const persistTo = await mkdtemp(path.join(tmpdir(), 'shouwang-bench-campaigns-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
await applyLocalMigrations(persistTo, true);
await seed(persistTo);
const server = serveBuilt(port, persistTo, true);
try {
  await waitForHealthy(base, 60_000, server);
  const rows: string[] = [];
  const over: string[] = [];
  const once = (what: string, ms: number, notes: string) => {
    rows.push(`| ${what} | 1 | ${ms.toFixed(0)} | | ${notes} |`);
    if (ms > WRITE_BUDGET_MS) over.push(`${what}: ${ms.toFixed(0)} ms > ${WRITE_BUDGET_MS} ms`);
  };
  const many = (what: string, ms: number[], notes = '') => {
    const { median, p95 } = stats(ms);
    rows.push(`| ${what} | ${ms.length} | ${median.toFixed(1)} | ${p95.toFixed(1)} | ${notes} |`);
    return { median, p95 };
  };
  const login = await fetch(`${base}/api/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base }, body: JSON.stringify({ username: DEMO_COORDINATOR.username, password: DEMO_COORDINATOR.password }) });
  const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!;
  const post = (p: string, body: unknown) => timed(`${base}/api/admin${p}`, { method: 'POST', headers: { Cookie: cookie, Origin: base, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  // Import: preview (writes nothing), then the import itself.
  const fileBase64 = Buffer.from(teachersFile(), 'utf8').toString('base64');
  const preview = await post('/import/preview', { fileBase64 });
  once(`POST /api/admin/import/preview, ${ROWS} rows`, preview.ms, `${preview.status}, ${(fileBase64.length / 1024).toFixed(0)} KB as base64`);
  const imported = await post('/import', { fileBase64 });
  const created = (JSON.parse(imported.text) as { created: number }).created;
  once(`POST /api/admin/import, ${ROWS} rows`, imported.ms, `${imported.status}, ${created} drafts written`);

  // The same size as an .xlsx workbook: preview and import.
  const workbook = Buffer.from(await teachersWorkbook()).toString('base64');
  const xlsxPreview = await post('/import/preview', { fileBase64: workbook });
  once(`POST /api/admin/import/preview, ${ROWS}-row .xlsx`, xlsxPreview.ms, `${xlsxPreview.status}, ${(workbook.length / 1024).toFixed(0)} KB as base64`);
  const xlsxImport = await post('/import', { fileBase64: workbook });
  once(`POST /api/admin/import, ${ROWS}-row .xlsx`, xlsxImport.ms, `${xlsxImport.status}, ${(JSON.parse(xlsxImport.text) as { created: number }).created} drafts written`);

  // The CSV's drafts' codes, a page of 50 at a time, then one request publishes them all.
  const codes: string[] = [];
  for (let page = 1; codes.length < created; page++) {
    const list = JSON.parse((await timed(`${base}/api/admin/cards?status=draft&page=${page}`, { headers: { Cookie: cookie } })).text) as { cards: { code: string; handoutRef: string }[] };
    if (!list.cards.length) break;
    codes.push(...list.cards.filter((c) => c.handoutRef.startsWith('2027-登记-')).map((c) => c.code));
  }
  const published = await post('/review/publish', { codes });
  const report = JSON.parse(published.text) as { published: string[]; refused: unknown[] };
  once(`POST /api/admin/review/publish, ${codes.length} cards`, published.ms, `${published.status}, ${report.published.length} published, ${report.refused.length} refused`);

  // The wall with every card on it, against the floor, interleaved so both see the same machine.
  const open = (JSON.parse((await timed(`${base}/api/cards`)).text) as { total: number }).total;
  const floor: number[] = [];
  const wall: number[] = [];
  const wallLast: number[] = [];
  const api: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < SAMPLES) {
        floor.push((await timed(`${base}/api/health`)).ms);
        wall.push((await timed(`${base}/wall/`)).ms);
        wallLast.push((await timed(`${base}/wall/?page=${Math.ceil(open / 24)}`)).ms);
        api.push((await timed(`${base}/api/cards?category=books`)).ms);
      }
    }),
  );
  const f = many('GET /api/health (the floor)', floor);
  const ratio = (ms: number[]) => {
    const r = stats(ms).p95 / f.p95;
    if (r > WALL_P95_OVER_FLOOR) over.push(`wall p95 ${r.toFixed(1)}× the floor's > ${WALL_P95_OVER_FLOOR}×`);
    return `p95 ${r.toFixed(1)}× the floor's`;
  };
  many(`GET /wall/ (${open} open cards)`, wall, ratio(wall));
  many(`GET /wall/?page=${Math.ceil(open / 24)} (the last page)`, wallLast, ratio(wallLast));
  many('GET /api/cards?category=books', api, ratio(api));

  console.log(`${CONCURRENCY} requests at a time; times in ms, to the last byte.`);
  console.log('| what | requests | median (ms) | p95 (ms) | notes |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const r of rows) console.log(r);
  console.log(`Budgets: the wall's p95 within ${WALL_P95_OVER_FLOOR}× the floor's; each import or publish within ${WRITE_BUDGET_MS / 1000} s.`);
  if (created !== ROWS || report.published.length !== ROWS) over.push(`expected ${ROWS} drafts written and published`);
  if (over.length) {
    console.error(`FAIL: ${over.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await rm(persistTo, { recursive: true, force: true });
}
