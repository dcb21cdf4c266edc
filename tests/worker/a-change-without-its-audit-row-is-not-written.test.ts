import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '#worker/platform/db/client.ts';
import { createCard, publishCard, updateCard } from '#worker/cards/index.ts';
import { adminFetch, coordinatorCookie, NEW_CARD } from '../support/api-client';
import * as make from '../support/factories';

const db = getDb(env.DB);
const snapshot = async () => JSON.stringify((await env.DB.prepare('SELECT * FROM cards ORDER BY id').all()).results) + JSON.stringify((await env.DB.prepare('SELECT * FROM card_private ORDER BY card_id').all()).results);

let campaign: make.TestCampaign;
let coordinator: make.TestCoordinator;
let open: make.TestCard;
let another: make.TestCard;

beforeAll(async () => {
  campaign = await make.createCampaign();
  coordinator = await make.createCoordinator();
  open = await make.createCard({ campaignId: campaign.id, status: 'open' });
  another = await make.createCard({ campaignId: campaign.id, status: 'open' });
});

// Storage is isolated per file: breaking the audit table here touches no other test.
describe('a change whose audit row cannot be written is not written either', () => {
  it('create, edit and publish all leave the cards untouched, and the API answers a structured 500', async () => {
    const cookie = await coordinatorCookie(coordinator);
    const fields = { ...NEW_CARD, age: 8, gradeBand: 'middle_primary' as const, category: 'books' as const, sizeNote: null, consentOn: null, consentMethod: null, notes: null };
    // From here on every audit insert fails, as if the audit store were down.
    await env.DB.exec("CREATE TRIGGER audit_broken BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END;");
    const before = await snapshot();

    await expect(createCard(db, campaign.id, fields, coordinator.id)).rejects.toThrow();
    await expect(updateCard(db, open.code, { ...fields, handoutRef: '登记-9' }, coordinator.id)).rejects.toThrow();
    await expect(publishCard(db, another.code, coordinator.id)).resolves.toMatchObject({ ok: false }); // already open: refused before writing
    const res = await adminFetch(cookie, '/cards', 'POST', { ...NEW_CARD, handoutRef: '登记-99' });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String), fields: {} } });
    expect(text).not.toMatch(/audit|SQL|TRIGGER/i);

    expect(await snapshot()).toBe(before);
  });
});
