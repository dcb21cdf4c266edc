import { env } from 'cloudflare:workers';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '#worker/platform/db/client.ts';
import { cards, claims } from '#worker/platform/db/schema.ts';
import { dbRefusal } from '../support/db-refusal';
import { createCard, createVolunteer, type TestCard, type TestVolunteer } from '../support/factories';

const db = getDb(env.DB);
/** An open card nobody has claimed yet, and four volunteers. */
let open: TestCard;
let volunteers: TestVolunteer[] = [];
const insertClaim = (volunteerId: number, status = 'pending') =>
  env.DB.prepare('INSERT INTO claims (card_id, volunteer_id, status) VALUES (?, ?, ?)').bind(open.id, volunteerId, status).run();

beforeAll(async () => {
  open = await createCard({ status: 'open' });
  for (let i = 0; i < 4; i++) volunteers.push(await createVolunteer());
});

describe('one claim holds a card at a time', () => {
  it('refuses a second live claim on the same card', async () => {
    await insertClaim(volunteers[0]!.id);
    await expect(insertClaim(volunteers[1]!.id)).rejects.toThrow(/UNIQUE constraint failed: claims\.card_id/);
    const rows = await db.select().from(claims).where(eq(claims.cardId, open.id));
    expect(rows).toHaveLength(1);
  });

  it('lets a new claim in once the earlier one has ended', async () => {
    await env.DB.prepare("UPDATE claims SET status = 'rejected' WHERE card_id = ?").bind(open.id).run();
    await insertClaim(volunteers[1]!.id);
    await expect(insertClaim(volunteers[0]!.id, 'approved')).rejects.toThrow(/UNIQUE/);
  });

  it('lets exactly one of twenty simultaneous claims win', async () => {
    const { id: cardId } = await createCard({ status: 'open' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        env.DB.prepare('INSERT INTO claims (card_id, volunteer_id) VALUES (?, ?)').bind(cardId, volunteers[i % 4]!.id).run(),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(19);
  });
});

describe('the database refuses bad states', () => {
  it('refuses an unknown claim status', async () => {
    const { id: cardId } = await createCard({ status: 'open' });
    await expect(
      env.DB.prepare("INSERT INTO claims (card_id, volunteer_id, status) VALUES (?, ?, 'stolen')").bind(cardId, volunteers[0]!.id).run(),
    ).rejects.toThrow(/CHECK constraint failed: claims_status_valid/);
  });

  it('refuses an unknown card status and category', async () => {
    const { id } = await createCard({ status: 'open' });
    expect(await dbRefusal(db.update(cards).set({ status: sql`'lost'` }).where(eq(cards.id, id)))).toMatch(/cards_status_valid/);
    expect(await dbRefusal(db.update(cards).set({ category: sql`'cash'` }).where(eq(cards.id, id)))).toMatch(/cards_category_valid/);
  });

  it('keeps an unreviewed card off the wall', async () => {
    // A draft whose wording has not been reviewed.
    const { id } = await createCard({ status: 'draft', reviewed: false });
    const [draft] = await db.select().from(cards).where(eq(cards.id, id));
    expect(draft?.reviewedAt).toBeNull();
    expect(await dbRefusal(db.update(cards).set({ status: 'open' }).where(eq(cards.id, id)))).toMatch(/cards_public_only_reviewed/);
  });

  it('enforces foreign keys', async () => {
    await expect(
      env.DB.prepare('INSERT INTO claims (card_id, volunteer_id) VALUES (9999, ?)').bind(volunteers[0]!.id).run(),
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
