import { vValidator } from '@hono/valibot-validator';
import { Hono, type Context } from 'hono';
import {
  campaignBySlug,
  campaignFailure,
  CampaignSchema,
  CampaignSlugSchema,
  createCampaign,
  fallbackAllowed,
  getCampaignSettings,
  leftoverCards,
  listCampaigns,
  markSchoolFulfilled,
  moveCampaign,
  saveCampaignSettings,
  saveThankYou,
  ThankYouSchema,
} from '#worker/campaigns/index.ts';
import { CardCodesSchema } from '#worker/cards/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** Campaigns over the years: /api/admin/campaigns. A campaign is named by its slug (e.g. 2027-11). */
export const adminCampaigns = new Hono<AdminEnv>();

const slugParam = vValidator('param', CampaignSlugSchema, onInvalid);

/** The campaign the path names, or the 404 to answer. */
async function named(c: Context<AdminEnv>, slug: string) {
  return (await campaignBySlug(c.var.db, slug)) ?? apiFailure(c, campaignFailure('no_campaign'));
}

adminCampaigns.get('/', async (c) => c.json({ campaigns: await listCampaigns(c.var.db) }));

adminCampaigns.post('/', vValidator('json', CampaignSchema, onInvalid), async (c) => {
  const result = await createCampaign(c.var.db, c.req.valid('json'), c.var.session.coordinatorId);
  if (!result.ok) return apiFailure(c, result);
  return c.json({ campaign: await getCampaignSettings(c.var.db, result.id) }, 201);
});

adminCampaigns.get('/:slug', slugParam, async (c) => {
  const found = await named(c, c.req.valid('param').slug);
  if (found instanceof Response) return found;
  const summary = (await listCampaigns(c.var.db)).find((x) => x.id === found.id);
  return c.json({ campaign: await getCampaignSettings(c.var.db, found.id), summary });
});

adminCampaigns.put('/:slug', slugParam, vValidator('json', CampaignSchema, onInvalid), async (c) => {
  const found = await named(c, c.req.valid('param').slug);
  if (found instanceof Response) return found;
  const result = await saveCampaignSettings(c.var.db, c.req.valid('json'), c.var.session.coordinatorId, new Date(), found.id);
  return result.ok ? c.json({ campaign: result.campaign }) : apiFailure(c, result);
});

for (const move of ['open', 'close', 'archive'] as const) {
  adminCampaigns.post(`/:slug/${move}`, slugParam, async (c) => {
    const found = await named(c, c.req.valid('param').slug);
    if (found instanceof Response) return found;
    const result = await moveCampaign(c.var.db, found.id, move, c.var.session.coordinatorId);
    return result.ok ? c.json({ status: result.status }) : apiFailure(c, result);
  });
}

adminCampaigns.put('/:slug/thank-you', slugParam, vValidator('json', ThankYouSchema, onInvalid), async (c) => {
  const found = await named(c, c.req.valid('param').slug);
  if (found instanceof Response) return found;
  const result = await saveThankYou(c.var.db, found.id, c.req.valid('json').thankYou, c.var.session.coordinatorId);
  return result.ok ? c.json({ campaign: result.campaign }) : apiFailure(c, result);
});

/** The cards still open once the claim deadline has passed (empty before it). */
adminCampaigns.get('/:slug/leftovers', slugParam, async (c) => {
  const found = await named(c, c.req.valid('param').slug);
  if (found instanceof Response) return found;
  const allowed = fallbackAllowed(found);
  return c.json({ fallbackAllowed: allowed, cards: allowed ? await leftoverCards(c.var.db, found.id) : [] });
});

adminCampaigns.post('/:slug/school-fulfil', slugParam, vValidator('json', CardCodesSchema, onInvalid), async (c) => {
  const found = await named(c, c.req.valid('param').slug);
  if (found instanceof Response) return found;
  const result = await markSchoolFulfilled(c.var.db, found.id, c.req.valid('json').codes, c.var.session.coordinatorId);
  return result.ok ? c.json({ marked: result.marked, refused: result.refused }) : apiFailure(c, result);
});
