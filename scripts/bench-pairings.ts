/**
 * `npm run bench:pairings` (after `npm run build`): the contact log and the overdue queue against
 * the built Worker served locally, on a throwaway database holding the demo plus 1,000 active
 * pairings (1,000 approved volunteers and children) with five contacts each.
 * Prints a table: a volunteer's contact-log POST (500 of them, 20 at a time), and the console's
 * overdue query as JSON and as the page, each timed over repeated requests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { hashToken } from '#worker/platform/auth/token.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { DEMO_COORDINATOR } from '../tests/support/demo/demo-data';
import { loadDemo } from '../tests/support/demo/load-demo';
import { stats, timed } from './bench-timing';
import { applyLocalMigrations, freePort, ROOT, serveBuilt, waitForHealthy } from '../tests/support/local-stack';

const PAIRINGS = 1000;
const POSTS = 500;
const CONCURRENCY = 20;
const DAY = 86_400_000;

async function seed(persistTo: string): Promise<void> {
  const proxy = await getPlatformProxy<Env>({ configPath: path.join(ROOT, 'wrangler.toml'), persist: { path: path.join(persistTo, 'v3') }, remoteBindings: false });
  await loadDemo(getDb(proxy.env.DB));
  const now = Date.now();
  const people = await Promise.all(Array.from({ length: PAIRINGS }, async (_, i) => ({ i, mobile: `151${String(i).padStart(8, '0')}`, hash: await hashToken(`bench-pair-${i}-local-only`), activated: now - (60 + (i % 60)) * DAY })));
  const d1 = proxy.env.DB;
  const day = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
  const contacts = people.flatMap((p) => Array.from({ length: 5 }, (_, k) => ({ i: p.i, on: day(now - (5 + k * 9 + (p.i % 20)) * DAY), kind: ['talk', 'family_call', 'talk', 'activity', 'family_call'][k] })));
  await d1.batch([
    d1
      .prepare(
        `INSERT INTO volunteers (name, mobile, status, agreed_code_version, agreed_privacy_version, agreed_at, access_token_hash, help_types)
         SELECT '结对志愿者', json_extract(j.value, '$.mobile'), 'approved', '2026-11', '2026-11', ?1, json_extract(j.value, '$.hash'), '["pairing"]' FROM json_each(?2) AS j`,
      )
      .bind(now, JSON.stringify(people)),
    d1.prepare(`INSERT INTO pairing_children (school_id, register_ref, alias, grade_band) SELECT 1, 'BENCH-' || json_extract(j.value, '$.i'), '小测', 'middle_primary' FROM json_each(?1) AS j`).bind(JSON.stringify(people)),
    d1
      .prepare(
        `INSERT INTO pairings (volunteer_id, kind, status, frequency, agreed_conduct_version, offered_at, child_id, proposed_at, consent_on, consent_method, record_checked_on, record_checked_by, activated_at, updated_at)
         SELECT v.id, 'mentor', 'active', 'monthly', '2026-11', ?1, c.id, ?1, '2026-09-01', 'paper', '2026-09-02', 1, json_extract(j.value, '$.activated'), ?1
         FROM json_each(?2) AS j JOIN volunteers v ON v.mobile = json_extract(j.value, '$.mobile') JOIN pairing_children c ON c.register_ref = 'BENCH-' || json_extract(j.value, '$.i')`,
      )
      .bind(now, JSON.stringify(people)),
    d1
      .prepare(
        `INSERT INTO pairing_contacts (pairing_id, "on", kind, minutes, recorded_by_kind, recorded_by_id, created_at)
         SELECT p.id, json_extract(j.value, '$.on'), json_extract(j.value, '$.kind'), 30, 'volunteer', p.volunteer_id, ?1
         FROM json_each(?2) AS j JOIN pairing_children c ON c.register_ref = 'BENCH-' || json_extract(j.value, '$.i') JOIN pairings p ON p.child_id = c.id`,
      )
      .bind(now, JSON.stringify(contacts)),
  ]);
  await proxy.dispose();
}

const persistTo = await mkdtemp(path.join(tmpdir(), 'shouwang-bench-pairings-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
await applyLocalMigrations(persistTo, true);
await seed(persistTo);
const server = serveBuilt(port, persistTo, true);
try {
  await waitForHealthy(base, 60_000, server);
  const rows: string[] = [];
  const row = (what: string, n: number, ms: number[], extra: string) => {
    const { median, p95 } = stats(ms);
    rows.push(`| ${what} | ${n} | ${median.toFixed(1)} | ${p95.toFixed(1)} | ${extra} |`);
  };
  const login = await fetch(`${base}/api/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base }, body: JSON.stringify({ username: DEMO_COORDINATOR.username, password: DEMO_COORDINATOR.password }) });
  const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!;
  const list = JSON.parse((await timed(`${base}/api/admin/pairings?status=active`, { headers: { Cookie: cookie } })).text) as { pairings: { id: number; volunteerMobile: string | null }[] };
  // The seeded volunteers' tokens carry the index their mobile ends with (151 + 8 digits).
  const seeded = list.pairings.filter((p) => p.volunteerMobile?.startsWith('151')).map((p) => ({ pairingId: p.id, token: `bench-pair-${Number(p.volunteerMobile!.slice(3))}-local-only` }));

  // The overdue queue, as JSON and as the console page (1,000 active pairings, 5,000 contacts).
  const json: number[] = [];
  let overdue = 0;
  for (let i = 0; i < 30; i++) {
    const r = await timed(`${base}/api/admin/pairings?overdue=1`, { headers: { Cookie: cookie } });
    json.push(r.ms);
    overdue = (JSON.parse(r.text) as { pairings: unknown[] }).pairings.length;
  }
  row(`GET /api/admin/pairings?overdue=1 (${list.pairings.length} active)`, 30, json, `${overdue} overdue`);
  const page: number[] = [];
  for (let i = 0; i < 30; i++) page.push((await timed(`${base}/admin/pairings/?overdue=1`, { headers: { Cookie: cookie } })).ms);
  row('GET /admin/pairings/?overdue=1 (the page)', 30, page, '');

  // Volunteers log contacts, 20 at a time.
  const volunteers = seeded.slice(0, POSTS);
  const postMs: number[] = [];
  const statuses = new Map<number, number>();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < volunteers.length) {
        const { pairingId, token } = volunteers[next++]!;
        const r = await timed(`${base}/api/me/pairings/${pairingId}/contacts`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: base, Authorization: `Bearer ${token}` },
          body: JSON.stringify({ on: today, kind: 'talk', minutes: 30 }),
        });
        postMs.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }),
  );
  row(`POST /api/me/pairings/:id/contacts, ${CONCURRENCY} at a time`, POSTS, postMs, [...statuses].map(([s, n]) => `${n}× ${s}`).join(', '));
  console.log('| what | requests | median (ms) | p95 (ms) | notes |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const r of rows) console.log(r);
  if ((statuses.get(201) ?? 0) !== POSTS) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await rm(persistTo, { recursive: true, force: true });
}
