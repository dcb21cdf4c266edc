import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClaim, createWall } from '../support/factories';
import { expireClaims, listClaims } from '#worker/claims/index.ts';
import { consoleQueues } from '#worker/console/index.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { claims } from '#worker/platform/db/schema.ts';

const db = getDb(env.DB);
const DAY = 86_400_000;

beforeAll(async () => {
  await createWall();
  // Claims on time beside one waiting for approval for 10 days and one approved 40 days ago and never delivered.
  await createClaim({ status: 'pending' });
  await createClaim({ status: 'approved' });
  const pending = await createClaim({ status: 'pending' });
  const approved = await createClaim({ status: 'approved' });
  await db.update(claims).set({ createdAt: new Date(Date.now() - 10 * DAY) }).where(eq(claims.id, pending.id));
  await db.update(claims).set({ approvedAt: new Date(Date.now() - 40 * DAY) }).where(eq(claims.id, approved.id));
});

describe('one rule says which claims are overdue', () => {
  it('the console count, the overdue queue, each claim’s flag and the expiry job agree', async () => {
    const now = new Date();
    const queue = (await listClaims(db, 'overdue', now)).map((c) => c.id).sort();
    expect(queue.length).toBeGreaterThanOrEqual(2);
    expect((await consoleQueues(db, now)).overdue).toBe(queue.length);
    const flagged = (await listClaims(db, 'all', now, 10_000)).filter((c) => c.overdue).map((c) => c.id).sort();
    expect(flagged).toEqual(queue);

    const expiredIds = async () => (await db.select({ id: claims.id }).from(claims).where(eq(claims.status, 'expired'))).map((c) => c.id);
    const before = await expiredIds();
    await expireClaims(db, now);
    expect((await expiredIds()).filter((id) => !before.includes(id)).sort()).toEqual(queue);
    expect((await consoleQueues(db, now)).overdue).toBe(0);
  });
});
