/**
 * `npm run bench:claims` (after `npm run build`): the wall and a rush of claims
 * against the built Worker served locally, on a throwaway database holding the
 * demo plus 2,000 open cards and 500 approved volunteers.
 * Prints a table: GET /api/health (the floor), the wall page, and a burst of
 * 1,000 claims over 200 cards from 500 volunteers (exactly 200 must win, no 5xx).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { getPlatformProxy } from 'wrangler';
import { hashToken } from '#worker/platform/auth/token.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { loadDemo } from '../tests/support/demo/load-demo';
import { stats, timed } from './bench-timing';
import { applyLocalMigrations, freePort, ROOT, serveBuilt, waitForHealthy } from '../tests/support/local-stack';

const CARDS = 2000;
const VOLUNTEERS = 500;
const BURST_CARDS = 200;
const BURST_CLAIMS = 1000;
const CONCURRENCY = 50;

async function seed(persistTo: string): Promise<string[]> {
  const proxy = await getPlatformProxy<Env>({ configPath: path.join(ROOT, 'wrangler.toml'), persist: { path: path.join(persistTo, 'v3') }, remoteBindings: false });
  await loadDemo(getDb(proxy.env.DB));
  const now = Date.now();
  const cards = Array.from({ length: CARDS }, (_, i) => ({ code: `B${String(i).padStart(4, '0')}`.replace(/[01]/g, (d) => (d === '0' ? 'Z' : 'Y')), age: 6 + (i % 9) }));
  const volunteers = await Promise.all(Array.from({ length: VOLUNTEERS }, async (_, i) => ({ mobile: `150${String(i).padStart(8, '0')}`, hash: await hashToken(`bench-volunteer-${i}-local-only`) })));
  const categories = ['stationery', 'books', 'clothing', 'sports', 'companionship', 'other'];
  const d1 = proxy.env.DB;
  await d1.batch([
    d1
      .prepare(
        `INSERT INTO cards (campaign_id, code, alias, age, grade_band, category, wish, status, reviewed_at, published_at, created_at, updated_at)
         SELECT 1, json_extract(j.value, '$.code'), '测试', json_extract(j.value, '$.age'), 'middle_primary', json_extract(j.value, '$.category'), '想要一本书', 'open', ?1, ?1, ?1, ?1
         FROM json_each(?2) AS j`,
      )
      .bind(now, JSON.stringify(cards.map((c, i) => ({ ...c, category: categories[i % categories.length] })))),
    d1.prepare(`INSERT INTO card_private (card_id, campaign_id, handout_ref) SELECT id, 1, 'BENCH-' || id FROM cards WHERE id > 40`),
    d1
      .prepare(
        `INSERT INTO volunteers (name, mobile, status, agreed_code_version, agreed_privacy_version, agreed_at, access_token_hash, help_types)
         SELECT '测试志愿者', json_extract(j.value, '$.mobile'), 'approved', '2026-11', '2026-11', ?1, json_extract(j.value, '$.hash'), '["wish_cards"]'
         FROM json_each(?2) AS j`,
      )
      .bind(now, JSON.stringify(volunteers)),
  ]);
  await proxy.dispose();
  return cards.slice(0, BURST_CARDS).map((c) => c.code);
}

const persistTo = await mkdtemp(path.join(tmpdir(), 'shouwang-bench-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
await applyLocalMigrations(persistTo, true);
const burstCodes = await seed(persistTo);
const server = serveBuilt(port, persistTo, true);
try {
  await waitForHealthy(base, 60_000, server);
  const rows: string[] = [];
  const row = (what: string, n: number, ms: number[], extra: string) => {
    const { median, p95 } = stats(ms);
    rows.push(`| ${what} | ${n} | ${median.toFixed(1)} | ${p95.toFixed(1)} | ${extra} |`);
  };
  for (let i = 0; i < 10; i++) await timed(`${base}/wall/`); // warm up
  const health: number[] = [];
  for (let i = 0; i < 200; i++) health.push((await timed(`${base}/api/health`)).ms);
  row('GET /api/health (floor)', 200, health, '');
  const wall: number[] = [];
  let wallBytes = new ArrayBuffer(0);
  for (let i = 0; i < 200; i++) {
    const r = await timed(`${base}/wall/?page=${1 + (i % 10)}`);
    wall.push(r.ms);
    wallBytes = r.body;
  }
  row('GET /wall/ (24 cards a page, 2,034 open)', 200, wall, `${(gzipSync(Buffer.from(wallBytes)).length / 1024).toFixed(1)} KB gzip`);

  // The rush: each of 500 volunteers claims 2 cards; each of the 200 cards gets 5 claims.
  const jobs = Array.from({ length: BURST_CLAIMS }, (_, k) => ({ volunteer: k % VOLUNTEERS, code: burstCodes[k % BURST_CARDS]! }));
  const claimMs: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const r = await timed(`${base}/api/cards/${job.code}/claims`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer bench-volunteer-${job.volunteer}-local-only` },
          body: '{}',
        });
        claimMs.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const won = statuses.get(201) ?? 0;
  const errors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  row(`POST claims: ${BURST_CLAIMS} over ${BURST_CARDS} cards, ${CONCURRENCY} at a time`, BURST_CLAIMS, claimMs, `${(BURST_CLAIMS / seconds).toFixed(0)} claims/s; ${won} won, ${statuses.get(409) ?? 0} got 409, ${errors} 5xx`);
  console.log('| what | requests | median (ms) | p95 (ms) | notes |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const r of rows) console.log(r);
  if (won !== BURST_CARDS || errors > 0) {
    console.error(`FAIL: expected exactly ${BURST_CARDS} winners and no 5xx`);
    process.exitCode = 1;
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await rm(persistTo, { recursive: true, force: true });
}
