import { env } from 'cloudflare:workers';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCard, createVolunteer, type TestCard, type TestVolunteer } from '../support/factories';
import { guardedAudit, lostRace } from '#worker/audit/index.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { checkFailed, constraintFailure, uniqueFailed } from '#worker/platform/db/constraints.ts';
import { cardPrivate, cards, claims, rateCounters, volunteers } from '#worker/platform/db/schema.ts';

const db = getDb(env.DB);

/** The error a write fails with; fails the test if the write went through. */
async function refusal(write: PromiseLike<unknown>): Promise<unknown> {
  try {
    await write;
  } catch (err) {
    return err;
  }
  throw new Error('expected the database to refuse this write, but it was accepted');
}

let one: TestCard;
let two: TestCard;
let volunteerA: TestVolunteer;
let volunteerB: TestVolunteer;

beforeAll(async () => {
  one = await createCard({ status: 'open' });
  two = await createCard({ status: 'open' });
  volunteerA = await createVolunteer();
  volunteerB = await createVolunteer();
});

describe('a D1 constraint failure is recognised by its kind and what it names', () => {
  it('names the column of a UNIQUE failure, through drizzle’s wrapping error', async () => {
    const err = await refusal(db.update(cards).set({ code: two.code }).where(eq(cards.id, one.id)));
    expect(constraintFailure(err)).toEqual({ kind: 'UNIQUE', on: ['cards.code'] });
    expect(uniqueFailed(err, cards.code)).toBe(true);
    expect(uniqueFailed(err, volunteers.mobile)).toBe(false);
  });

  it('names every column of a unique index, in a batch', async () => {
    const taken = await db.select().from(cardPrivate).where(eq(cardPrivate.cardId, one.id)).get();
    const err = await refusal(db.batch([db.update(cardPrivate).set({ handoutRef: taken!.handoutRef }).where(eq(cardPrivate.cardId, two.id))]));
    expect(constraintFailure(err)).toEqual({ kind: 'UNIQUE', on: ['card_private.campaign_id', 'card_private.handout_ref'] });
    expect(uniqueFailed(err, cardPrivate.campaignId, cardPrivate.handoutRef)).toBe(true);
    expect(uniqueFailed(err, cardPrivate.campaignId)).toBe(false);
  });

  it('names the column of a partial unique index and of a primary key', async () => {
    const holding = await refusal(db.batch([db.insert(claims).values({ cardId: one.id, volunteerId: volunteerA.id }), db.insert(claims).values({ cardId: one.id, volunteerId: volunteerB.id })]));
    expect(uniqueFailed(holding, claims.cardId)).toBe(true);
    const key = await refusal(db.insert(rateCounters).values([1, 2].map((count) => ({ key: 'same', windowStartedAt: new Date(), count }))));
    expect(uniqueFailed(key, rateCounters.key)).toBe(true);
  });

  it('names a CHECK constraint, and tells the guarded audit’s lost race from other checks', async () => {
    const lost = await refusal(
      db.batch([
        db.update(cards).set({ wish: 'x' }).where(eq(cards.id, -1)),
        guardedAudit(db, { actorKind: 'coordinator', actorId: 1, action: 'card.edit', subjectKind: 'card', subjectId: -1 }),
      ]),
    );
    expect(constraintFailure(lost)).toEqual({ kind: 'CHECK', on: ['audit_log_actor_kind_valid'] });
    expect(lostRace(lost)).toBe(true);
    const age = await refusal(db.update(cards).set({ age: 99 }).where(eq(cards.id, one.id)));
    expect(checkFailed(age, 'cards_age_range')).toBe(true);
    expect(lostRace(age)).toBe(false);
  });

  it('recognises NOT NULL and FOREIGN KEY failures', async () => {
    const missing = await refusal(db.update(cards).set({ alias: sql`NULL` }).where(eq(cards.id, one.id)));
    expect(constraintFailure(missing)).toEqual({ kind: 'NOT NULL', on: ['cards.alias'] });
    const dangling = await refusal(db.insert(claims).values({ cardId: 999_999, volunteerId: volunteerA.id }));
    expect(constraintFailure(dangling)).toEqual({ kind: 'FOREIGN KEY', on: [] });
  });

  it('is not fooled by the words in a bound value or a trigger', async () => {
    // drizzle's error quotes the values; a wish may hold any words.
    const typed = 'UNIQUE constraint failed: cards.code: SQLITE_CONSTRAINT';
    const err = await refusal(db.update(cards).set({ wish: typed, age: 99 }).where(eq(cards.id, one.id)));
    expect(String((err as Error).message)).toContain(typed);
    expect(uniqueFailed(err, cards.code)).toBe(false);
    expect(checkFailed(err, 'cards_age_range')).toBe(true);

    await env.DB.exec("CREATE TRIGGER pretend BEFORE UPDATE ON schools BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: schools.slug'); END;");
    try {
      const raised = await refusal(env.DB.prepare("UPDATE schools SET town = 'x'").run());
      expect(constraintFailure(raised)).toBeNull();
    } finally {
      await env.DB.exec('DROP TRIGGER pretend');
    }
    expect(constraintFailure(new Error('D1_ERROR: network connection lost'))).toBeNull();
    // Production D1 may word the tail differently: the start is what counts.
    expect(constraintFailure(new Error('D1_ERROR: FOREIGN KEY constraint failed'))).toEqual({ kind: 'FOREIGN KEY', on: [] });
    expect(constraintFailure(new Error('D1_ERROR: UNIQUE constraint failed: claims.card_id'))).toEqual({ kind: 'UNIQUE', on: ['claims.card_id'] });
    expect(constraintFailure(new Error('UNIQUE constraint failed: card_private.campaign_id, card_private.handout_ref: SQLITE_CONSTRAINT'))).toEqual({
      kind: 'UNIQUE',
      on: ['card_private.campaign_id', 'card_private.handout_ref'],
    });
    expect(constraintFailure('UNIQUE constraint failed: cards.code: SQLITE_CONSTRAINT')).toBeNull();
  });
});
