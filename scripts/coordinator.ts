/**
 * Creates a coordinator or resets a password, locally or on production D1.
 *
 *   npm run coordinator -- create <username> <display name> [--remote]
 *   npm run coordinator -- reset-password <username> [--remote]
 *   npm run coordinator -- disable <username> [--remote]
 *
 * The password is read from SHOUWANG_PASSWORD, or asked for on the terminal.
 * It is hashed here (PBKDF2, as the Worker does) and only the hash is sent,
 * through `wrangler d1 execute`. A reset also ends that coordinator's sessions.
 * Disabling (a lost laptop, a colleague who left) ends their sessions and
 * refuses their logins from then on. Each is written with an audit row.
 */
import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import * as v from 'valibot';
import { hashPassword } from '#worker/platform/auth/password.ts';
import { NewPasswordSchema, UsernameSchema } from '#worker/console/index.ts';
import type { AuditAction } from '#worker/vocabulary.ts';
import { printable } from '#worker/platform/input/text-rules.ts';
import { ROOT } from '../tests/support/local-stack';

const DisplayNameSchema = v.pipe(v.string(), v.trim(), v.regex(/^[^\p{Cc}]{1,20}$/u, '显示名 1 到 20 个字，不含控制字符'), printable('显示名里有不能识别的字符'));

const args = process.argv.slice(2);
const remote = args.includes('--remote');
const persistAt = args.indexOf('--persist-to');
const persistTo = (persistAt >= 0 ? args[persistAt + 1] : undefined) ?? path.join(ROOT, '.wrangler/state');
const [command, ...rest] = args.filter((a, i) => !a.startsWith('--') && (persistAt < 0 || i !== persistAt + 1));

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parse<T extends v.GenericSchema>(schema: T, value: unknown, what: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (!result.success) fail(`${what}: ${result.issues[0].message}`);
  return result.output;
}

async function readPassword(): Promise<string> {
  if (process.env.SHOUWANG_PASSWORD) return process.env.SHOUWANG_PASSWORD;
  if (!process.stdin.isTTY) fail('Set SHOUWANG_PASSWORD or run this in a terminal to type the password.');
  // Typed characters are not echoed.
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stdout.write('New password (at least 12 characters): ');
  const password = await rl.question('');
  process.stdout.write('\n');
  rl.close();
  return password;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

function execute(sql: string, json = false): string {
  const target = remote ? ['--remote'] : ['--local', '--persist-to', persistTo];
  const wrangler = path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
  const r = spawnSync(
    process.execPath,
    [wrangler, 'd1', 'execute', 'DB', ...target, '-c', path.join(ROOT, 'wrangler.toml'), ...(json ? ['--json'] : []), '--command', sql],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } },
  );
  if (r.status !== 0) {
    const unique = /UNIQUE constraint failed: coordinators\.username/.test(r.stdout + r.stderr);
    fail(unique ? 'That username is taken.' : `wrangler d1 execute failed:\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

function exists(username: string): boolean {
  const out = JSON.parse(execute(`SELECT count(*) AS n FROM coordinators WHERE username = ${quote(username)}`, true)) as { results: { n: number }[] }[];
  return (out[0]?.results[0]?.n ?? 0) > 0;
}

const subject = (username: string) => `(SELECT id FROM coordinators WHERE username = ${quote(username)})`;
const auditSql = (action: AuditAction, username: string) =>
  `INSERT INTO audit_log (actor_kind, action, subject_kind, subject_id, detail) VALUES ('system', ${quote(action)}, 'coordinator', ${subject(username)}, '{"by":"command line"}');`;

if (command === 'create') {
  const username = parse(UsernameSchema, rest[0] ?? '', 'username');
  const displayName = parse(DisplayNameSchema, rest.slice(1).join(' '), 'display name');
  const password = parse(NewPasswordSchema, await readPassword(), 'password');
  const h = await hashPassword(password);
  execute(
    `INSERT INTO coordinators (username, display_name, password_hash, password_salt, password_iterations, created_at) VALUES (${quote(username)}, ${quote(displayName)}, ${quote(h.hash)}, ${quote(h.salt)}, ${h.iterations}, ${Date.now()}); ` +
      auditSql('coordinator.created', username),
  );
  console.log(`Coordinator "${username}" created ${remote ? 'on production D1' : 'in the local database'}.`);
} else if (command === 'reset-password') {
  const username = parse(UsernameSchema, rest[0] ?? '', 'username');
  if (!exists(username)) fail(`No coordinator "${username}".`);
  const password = parse(NewPasswordSchema, await readPassword(), 'password');
  const h = await hashPassword(password);
  execute(
    `UPDATE coordinators SET password_hash = ${quote(h.hash)}, password_salt = ${quote(h.salt)}, password_iterations = ${h.iterations} WHERE username = ${quote(username)}; ` +
      `DELETE FROM coordinator_sessions WHERE coordinator_id = ${subject(username)}; ` +
      `DELETE FROM login_throttle WHERE key = ${quote(`user:${username}`)}; ` +
      `INSERT INTO audit_log (actor_kind, action, subject_kind, subject_id, detail) SELECT 'system', 'coordinator.password_reset', 'coordinator', id, '{"by":"command line"}' FROM coordinators WHERE username = ${quote(username)};`,
  );
  console.log(`Password for "${username}" reset; their open sessions are ended.`);
} else if (command === 'disable') {
  const username = parse(UsernameSchema, rest[0] ?? '', 'username');
  if (!exists(username)) fail(`No coordinator "${username}".`);
  execute(
    `UPDATE coordinators SET disabled_at = ${Date.now()} WHERE username = ${quote(username)}; ` +
      `DELETE FROM coordinator_sessions WHERE coordinator_id = ${subject(username)}; ` +
      `INSERT INTO audit_log (actor_kind, action, subject_kind, subject_id, detail) SELECT 'system', 'coordinator.disabled', 'coordinator', id, '{"by":"command line"}' FROM coordinators WHERE username = ${quote(username)};`,
  );
  console.log(`Coordinator "${username}" disabled; their open sessions are ended.`);
} else {
  fail('Usage: npm run coordinator -- create <username> <display name> [--remote]\n       npm run coordinator -- reset-password <username> [--remote]\n       npm run coordinator -- disable <username> [--remote]');
}
