import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

/** Columns no table may have: a child's identity, class, home, photo, family or guardian contact. */
const FORBIDDEN_FOR_CHILD_DATA = /real_?name|surname|family_?name|full_?name|class|village|photo|image|avatar|guardian|parent|health|address|phone|mobile|id_?card|birth/i;

async function columns(table: string): Promise<string[]> {
  const { results } = await env.DB.prepare(`SELECT name FROM pragma_table_info(?)`).bind(table).all<{ name: string }>();
  return results.map((r) => r.name);
}

describe('the schema has nowhere to put a child’s identity', () => {
  it('cards, pairings and the records behind them hold no identifying column', async () => {
    for (const table of ['cards', 'card_private', 'claims', 'card_privacy_dismissals', 'pairing_children', 'pairings', 'pairing_contacts']) {
      const names = await columns(table);
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => FORBIDDEN_FOR_CHILD_DATA.test(n)), table).toEqual([]);
    }
  });

  it('keeps coordinator-only card fields out of the cards table', async () => {
    const publicColumns = await columns('cards');
    for (const privateColumn of ['handout_ref', 'consent_on', 'consent_method', 'notes']) {
      expect(publicColumns).not.toContain(privateColumn);
    }
    expect(await columns('card_private')).toEqual(expect.arrayContaining(['handout_ref', 'consent_on', 'consent_method', 'notes']));
  });

  it('a child in a pairing is a register reference, an alias and a grade band, nothing more', async () => {
    expect((await columns('pairing_children')).sort()).toEqual(['alias', 'anonymised_at', 'created_at', 'grade_band', 'id', 'register_ref', 'school_id']);
    // A contact is kinds, dates and minutes: no column could hold words about the child.
    expect((await columns('pairing_contacts')).sort()).toEqual(['call_handled_at', 'call_me', 'corrected_at', 'created_at', 'escort', 'id', 'kind', 'minutes', 'on', 'pairing_id', 'recorded_by_id', 'recorded_by_kind']);
  });

  it('every table is one the product expects', async () => {
    const { results } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
    ).all<{ name: string }>();
    expect(results.map((r) => r.name)).toEqual([
      'audit_log',
      'campaigns',
      'card_privacy_dismissals',
      'card_private',
      'cards',
      'claims',
      'coordinator_sessions',
      'coordinators',
      'login_throttle',
      'pairing_children',
      'pairing_contacts',
      'pairings',
      'rate_counters',
      'schools',
      'signup_repeats',
      'volunteers',
    ]);
  });
});
