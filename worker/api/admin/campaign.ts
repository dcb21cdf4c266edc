import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { campaignFailure, CampaignSchema, getCampaignSettings, saveCampaignSettings } from '#worker/campaigns/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** The current campaign's settings: /api/admin/campaign. */
export const adminCampaign = new Hono<AdminEnv>();

adminCampaign.get('/', async (c) => {
  const campaign = await getCampaignSettings(c.var.db);
  return campaign ? c.json({ campaign }) : apiFailure(c, campaignFailure('no_campaign'));
});

adminCampaign.put('/', vValidator('json', CampaignSchema, onInvalid), async (c) => {
  const result = await saveCampaignSettings(c.var.db, c.req.valid('json'), c.var.session.coordinatorId);
  return result.ok ? c.json({ campaign: result.campaign }) : apiFailure(c, result);
});
