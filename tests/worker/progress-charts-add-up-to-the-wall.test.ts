import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '#worker/platform/db/client.ts';
import { progressByCategory, progressOverTime } from '#worker/campaigns/index.ts';
import { campaignProgress } from '#worker/cards/index.ts';
import { createCard, createClaim, createWall, type TestWall } from '../support/factories';

const db = getDb(env.DB);
/** A campaign started ten days ago: 24 open cards, 6 claimed and 4 fulfilled (claimed six days ago, received yesterday), drafts and withdrawn ones. */
let wall: TestWall;
beforeAll(async () => {
  wall = await createWall({ open: 24, claimed: 6, fulfilled: 4, draft: 4, withdrawn: 2 });
  // One open card was claimed six days ago and the claim cancelled since: the card is back on the wall.
  await createClaim({ status: 'cancelled', card: wall.cards.open[0]!, volunteer: wall.volunteers[0]!, createdAt: new Date(Date.now() - 6 * 24 * 60 * 60 * 1000) });
});

describe('the progress charts’ figures', () => {
  it('by category add up to the wall’s progress line', async () => {
    const rows = await progressByCategory(db, wall.campaign.id);
    const progress = await campaignProgress(db, wall.campaign.id);
    expect(rows).toHaveLength(6);
    expect(progress).toEqual({ total: 34, open: 24, claimed: 6, fulfilled: 4, schoolFulfilled: 0 });
    expect(rows.reduce((n, r) => n + r.open + r.claimed + r.fulfilled, 0)).toBe(progress.total);
    expect(rows.reduce((n, r) => n + r.claimed, 0)).toBe(progress.claimed);
    expect(rows.reduce((n, r) => n + r.fulfilled, 0)).toBe(progress.fulfilled);
  });

  it('over time end on the figures the dashboard shows: cards claimed (fulfilled included) and gifts received', async () => {
    const days = await progressOverTime(db, wall.campaign.id);
    const progress = await campaignProgress(db, wall.campaign.id);
    expect(days.length).toBeGreaterThan(5);
    expect(days.at(-1)).toEqual(expect.objectContaining({ claimed: progress.claimed + progress.fulfilled, fulfilled: progress.fulfilled }));
    expect(days.at(-1)).toMatchObject({ claimed: 10, fulfilled: 4 });
    expect(days[0]).toMatchObject({ claimed: 0, fulfilled: 0 });
    // While the cancelled claim was held it counted: eleven cards were claimed for a while.
    expect(Math.max(...days.map((d) => d.claimed))).toBe(11);
    for (let i = 1; i < days.length; i++) expect(days[i]!.fulfilled).toBeGreaterThanOrEqual(days[i - 1]!.fulfilled);
  });

  it('count the wishes the school fulfilled apart, and still add up to the wall (run last: it changes the wall)', async () => {
    await createCard({ campaignId: wall.campaign.id, status: 'school_fulfilled', category: 'books' });
    await createCard({ campaignId: wall.campaign.id, status: 'school_fulfilled', category: 'sports' });
    const rows = await progressByCategory(db, wall.campaign.id);
    const progress = await campaignProgress(db, wall.campaign.id);
    expect(progress).toMatchObject({ total: 36, schoolFulfilled: 2, fulfilled: 4 });
    expect(rows.reduce((n, r) => n + r.open + r.claimed + r.fulfilled + r.schoolFulfilled, 0)).toBe(progress.total);
    expect(rows.find((r) => r.category === 'books')!.schoolFulfilled).toBeGreaterThanOrEqual(1);
  });
});
