/**
 * Through the API: a lone surrogate (JSON's "\ud800") or a direction override in a text field is
 * refused with the structured 400 naming that field, and nothing is written.
 */
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_CHARACTER_MESSAGE, DIRECTION_MARK_MESSAGE } from '#worker/platform/input/text-rules.ts';
import { adminFetch, coordinatorCookie, NEW_CARD, ORIGIN } from '../support/api-client';
import { databaseDigest } from '../support/db-digest';
import { createCampaign, createCard, createVolunteer } from '../support/factories';

type ErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };

let cookie = '';
let draftCode = '';
let pendingVolunteer = 0;

beforeAll(async () => {
  const { id: campaignId } = await createCampaign();
  cookie = await coordinatorCookie();
  draftCode = (await createCard({ campaignId, status: 'draft' })).code;
  pendingVolunteer = (await createVolunteer({ status: 'pending' })).id;
});

/** Sends `json` exactly as written: the escapes reach the Worker as the client typed them. */
function send(path: string, method: string, json: string, headers: Record<string, string> = {}) {
  return exports.default.fetch(`${ORIGIN}${path}`, { method, headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers }, body: json });
}

/** `body` as JSON with one field's value replaced by raw JSON text (so "\ud800" stays an escape). */
const withRaw = (body: Record<string, unknown>, field: string, rawValue: string) =>
  JSON.stringify({ ...body, [field]: '\u0000MARK' }).replace('"\\u0000MARK"', rawValue);

async function expectRefused(res: Response, field: string, message: string) {
  expect(res.status).toBe(400);
  const { error } = (await res.json()) as ErrorBody;
  expect(error.code).toBe('invalid_input');
  expect(typeof error.message).toBe('string');
  expect(error.fields).toEqual({ [field]: message });
}

const SIGNUP = { name: '陈志愿', mobile: '139 0000 3333', email: '', town: '青石镇', helpTypes: ['wish_cards'], availability: '', note: '', agreeCode: true, agreePrivacy: true };

describe('a lone surrogate in a text field', () => {
  it.each(['name', 'town', 'availability', 'note'])('in a sign-up’s %s: a structured 400 naming the field, nothing written', async (field) => {
    const before = await databaseDigest();
    const res = await send('/api/volunteers', 'POST', withRaw(SIGNUP, field, '"陈\\ud800"'), { 'CF-Connecting-IP': '203.0.113.90' });
    await expectRefused(res, field, BROKEN_CHARACTER_MESSAGE);
    expect(await databaseDigest()).toEqual(before);
  });

  it.each(['alias', 'wish', 'handoutRef', 'sizeNote', 'notes'])('in a new card’s %s: a structured 400 naming the field, nothing written', async (field) => {
    const before = await databaseDigest();
    const value = field === 'handoutRef' ? '"REG-9\\udc00"' : '"小\\udbff"';
    const res = await send('/api/admin/cards', 'POST', withRaw({ ...NEW_CARD, handoutRef: 'REG-TH-1' }, field, value), { Cookie: cookie });
    await expectRefused(res, field, BROKEN_CHARACTER_MESSAGE);
    expect(await databaseDigest()).toEqual(before);
  });

  it('in an edited card, the campaign, a rejection reason and a login: refused, nothing written', async () => {
    const before = await databaseDigest();
    await expectRefused(await send(`/api/admin/cards/${draftCode}`, 'PUT', withRaw({ ...NEW_CARD, handoutRef: 'REG-TH-2' }, 'wish', '"想要\\ud83d"'), { Cookie: cookie }), 'wish', BROKEN_CHARACTER_MESSAGE);
    const campaign = (await (await adminFetch(cookie, '/campaign')).json()) as { campaign: Record<string, unknown> };
    const settings = { ...campaign.campaign, villageNames: '' };
    await expectRefused(await send('/api/admin/campaign', 'PUT', withRaw(settings, 'dropoffPlace', '"学校\\ud800"'), { Cookie: cookie }), 'dropoffPlace', BROKEN_CHARACTER_MESSAGE);
    await expectRefused(await send(`/api/admin/volunteers/${pendingVolunteer}/reject`, 'POST', '{"reason":"\\udfff"}', { Cookie: cookie }), 'reason', BROKEN_CHARACTER_MESSAGE);
    await expectRefused(await send('/api/admin/login', 'POST', '{"username":"demo","password":"x\\ud800"}', { 'CF-Connecting-IP': '203.0.113.91' }), 'password', BROKEN_CHARACTER_MESSAGE);
    expect(await databaseDigest()).toEqual(before);
  });
});

describe('a direction override in a one-line field', () => {
  it('in a sign-up’s name or a card’s register number: a structured 400 naming the field, nothing written', async () => {
    const before = await databaseDigest();
    await expectRefused(await send('/api/volunteers', 'POST', JSON.stringify({ ...SIGNUP, name: '陈\u202e志愿' }), { 'CF-Connecting-IP': '203.0.113.92' }), 'name', DIRECTION_MARK_MESSAGE);
    await expectRefused(await send('/api/admin/cards', 'POST', JSON.stringify({ ...NEW_CARD, handoutRef: 'REG-\u2067107\u2069' }), { Cookie: cookie }), 'handoutRef', DIRECTION_MARK_MESSAGE);
    expect(await databaseDigest()).toEqual(before);
  });
});
