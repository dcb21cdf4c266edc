import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../support/demo/load-demo';
import { getDb } from '#worker/platform/db/client.ts';
import { cards, claims } from '#worker/platform/db/schema.ts';
import { dbRefusal } from '../support/db-refusal';

const db = getDb(env.DB);
const OPEN_CARD_ID = 1; // K7M3Q, open in the demo
const insertClaim = (volunteerId: number, status = 'pending') =>
  env.DB.prepare('INSERT INTO claims (card_id, volunteer_id, status) VALUES (?, ?, ?)').bind(OPEN_CARD_ID, volunteerId, status).run();

beforeAll(async () => {
  await loadDemo(db);
});

describe('one claim holds a card at a time', () => {
  it('refuses a second live claim on the same card', async () => {
    await insertClaim(1);
    await expect(insertClaim(2)).rejects.toThrow(/UNIQUE constraint failed: claims\.card_id/);
    const rows = await db.select().from(claims).where(eq(claims.cardId, OPEN_CARD_ID));
    expect(rows).toHaveLength(1);
  });

  it('lets a new claim in once the earlier one has ended', async () => {
    await env.DB.prepare("UPDATE claims SET status = 'rejected' WHERE card_id = ?").bind(OPEN_CARD_ID).run();
    await insertClaim(2);
    await expect(insertClaim(1, 'approved')).rejects.toThrow(/UNIQUE/);
  });

  it('lets exactly one of twenty simultaneous claims win', async () => {
    const cardId = 2; // P4RT8, open and unclaimed in the demo
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        env.DB.prepare('INSERT INTO claims (card_id, volunteer_id) VALUES (?, ?)').bind(cardId, (i % 4) + 1).run(),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(19);
  });
});

describe('the database refuses bad states', () => {
  it('refuses an unknown claim status', async () => {
    await expect(
      env.DB.prepare("INSERT INTO claims (card_id, volunteer_id, status) VALUES (3, 1, 'stolen')").run(),
    ).rejects.toThrow(/CHECK constraint failed: claims_status_valid/);
  });

  it('refuses an unknown card status and category', async () => {
    expect(await dbRefusal(db.update(cards).set({ status: 'lost' }).where(eq(cards.id, 3)))).toMatch(/cards_status_valid/);
    expect(await dbRefusal(db.update(cards).set({ category: 'cash' }).where(eq(cards.id, 3)))).toMatch(/cards_category_valid/);
  });

  it('keeps an unreviewed card off the wall', async () => {
    // Card 35 (M4YH2) is a draft whose wording has not been reviewed.
    const [draft] = await db.select().from(cards).where(eq(cards.id, 35));
    expect(draft?.reviewedAt).toBeNull();
    expect(await dbRefusal(db.update(cards).set({ status: 'open' }).where(eq(cards.id, 35)))).toMatch(/cards_public_only_reviewed/);
  });

  it('enforces foreign keys', async () => {
    await expect(
      env.DB.prepare('INSERT INTO claims (card_id, volunteer_id) VALUES (9999, 1)').run(),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/);
  });

  it('rolls back a whole batch when one statement fails', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM audit_log').first<{ n: number }>();
    await expect(
      env.DB.batch([
        env.DB.prepare("INSERT INTO audit_log (actor_kind, action, subject_kind) VALUES ('system', 'test', 'card')"),
        env.DB.prepare("INSERT INTO audit_log (actor_kind, action, subject_kind) VALUES ('intruder', 'test', 'card')"),
      ]),
    ).rejects.toThrow(/audit_log_actor_kind_valid/);
    const after = await env.DB.prepare('SELECT count(*) AS n FROM audit_log').first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });
});
