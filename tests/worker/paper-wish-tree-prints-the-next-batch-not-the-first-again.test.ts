import { env } from 'cloudflare:workers';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { openCardsToPrint, WishTreeQuerySchema } from '#worker/cards/index.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { createCampaign, createCard } from '../support/factories';

describe('the paper wish tree in batches', () => {
  it('prints the next cards from where the last batch ended, the wall’s order, none twice', async () => {
    const campaign = await createCampaign();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await createCard({ campaignId: campaign.id, category: 'sports', publishedAt: new Date(Date.now() - (10 - i) * 60_000) })).code);
    const batch = (query: Record<string, string>) => openCardsToPrint(getDb(env.DB), campaign.id, v.parse(WishTreeQuerySchema, { category: 'sports', ...query }));
    const first = await batch({ count: '4' });
    const second = await batch({ count: '4', from: '5' });
    expect(first.total).toBe(7);
    expect([...first.cards, ...second.cards].map((c) => c.code)).toEqual(made);
    // A start past the end prints nothing; a start that is not a number starts at the first card.
    expect((await batch({ from: '8' })).cards).toEqual([]);
    expect((await batch({ from: 'abc' })).cards.map((c) => c.code)).toEqual(made);
  });
});
