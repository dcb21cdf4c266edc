import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { getDb } from '#worker/platform/db/client.ts';
import { getCampaignSettings, updateCampaignSettings } from '#worker/campaigns/index.ts';
import { CampaignSchema } from '#worker/campaigns/index.ts';
import { apiError, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** The current campaign's settings: /api/admin/campaign. */
export const adminCampaign = new Hono<AdminEnv>();

adminCampaign.get('/', async (c) => {
  const campaign = await getCampaignSettings(getDb(c.env.DB));
  if (!campaign) return apiError(c, 404, 'no_campaign', '还没有活动');
  return c.json({ campaign });
});

adminCampaign.put('/', vValidator('json', CampaignSchema, onInvalid), async (c) => {
  const db = getDb(c.env.DB);
  const current = await getCampaignSettings(db);
  if (!current || !(await updateCampaignSettings(db, current.id, c.req.valid('json'), c.var.session.coordinatorId))) {
    return apiError(c, 404, 'no_campaign', '还没有活动');
  }
  return c.json({ campaign: await getCampaignSettings(db) });
});
