/**
 * A fingerprint of everything the database holds, to prove that a refused
 * request wrote nothing. Bookkeeping that every request may legitimately touch
 * (attempt counters, a session's last-seen time, a volunteer's last visit) is
 * left out, and named here so the exclusion is visible.
 */
import { env } from 'cloudflare:workers';

/** Tables that count attempts: a refused request is still an attempt. */
const ATTEMPT_COUNTERS = new Set(['rate_counters', 'login_throttle']);
/** Audit rows that record an attempt rather than a change: a refused login is still written down. */
const ATTEMPT_AUDIT_ACTIONS = new Set(['login.failed']);
/** Columns that record "seen at", touched by any authenticated request. */
const TOUCHED_COLUMNS: Record<string, string[]> = {
  coordinator_sessions: ['last_seen_at', 'expires_at'],
  volunteers: ['last_active_at'],
};

export async function tableNames(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
  ).all<{ name: string }>();
  return results.map((r) => r.name);
}

/** Every row of every table, as text (for searching the whole database). */
export async function wholeDatabaseText(): Promise<string> {
  const parts: string[] = [];
  for (const t of await tableNames()) {
    const { results } = await env.DB.prepare(`SELECT * FROM "${t}"`).all();
    parts.push(`${t}:${JSON.stringify(results)}`);
  }
  return parts.join('\n');
}

export interface Digest {
  rows: Record<string, number>;
  sha256: string;
}

/** Row counts per table and a SHA-256 over their contents. */
export async function databaseDigest(): Promise<Digest> {
  const rows: Record<string, number> = {};
  const parts: string[] = [];
  for (const t of await tableNames()) {
    if (ATTEMPT_COUNTERS.has(t)) continue;
    const { results } = await env.DB.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all<Record<string, unknown>>();
    const skip = TOUCHED_COLUMNS[t] ?? [];
    const kept = t === 'audit_log' ? results.filter((r) => !ATTEMPT_AUDIT_ACTIONS.has(String(r.action))) : results;
    rows[t] = kept.length;
    parts.push(t, JSON.stringify(kept.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !skip.includes(k))))));
  }
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n')));
  return { rows, sha256: [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('') };
}

/** One-line columns: a direction mark or override there would make the text read differently from what is stored. */
const ONE_LINE_COLUMNS: Record<string, string[]> = {
  campaigns: ['name', 'dropoff_place', 'value_guide'],
  cards: ['alias', 'size_note'],
  card_private: ['handout_ref'],
  volunteers: ['name', 'email', 'town', 'availability'],
  schools: ['village_names'],
};
const DIRECTION_MARK = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Every stored text that is not readable UTF-8 (a lone surrogate reached D1 as bytes no other tool
 * can read) or that carries a direction mark in a one-line column: "table.column #rowid".
 */
export async function unreadableTexts(): Promise<string[]> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const found: string[] = [];
  for (const t of await tableNames()) {
    const { results: columns } = await env.DB.prepare(`SELECT name FROM pragma_table_info('${t}')`).all<{ name: string }>();
    for (const { name: c } of columns) {
      const { results } = await env.DB.prepare(`SELECT rowid AS id, hex("${c}") AS h FROM "${t}" WHERE typeof("${c}") = 'text'`).all<{ id: number; h: string }>();
      for (const { id, h } of results) {
        let text: string;
        try {
          text = utf8.decode(new Uint8Array((h.match(/../g) ?? []).map((b) => parseInt(b, 16))));
        } catch {
          found.push(`${t}.${c} #${id}: not UTF-8`);
          continue;
        }
        if (ONE_LINE_COLUMNS[t]?.includes(c) && DIRECTION_MARK.test(text)) found.push(`${t}.${c} #${id}: direction mark`);
      }
    }
  }
  return found;
}
