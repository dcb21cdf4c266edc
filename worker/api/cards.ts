import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { campaignProgress, cardFailure, CardCodeParamsSchema, currentCampaign, findPublicCard, listOpenCards, WallFilterSchema } from '#worker/cards/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import type { ApiEnv } from '#worker/platform/http/middleware.ts';

/** Public wish-card API: public faces only. */
export const cardsApi = new Hono<ApiEnv>();

cardsApi.get('/', vValidator('query', WallFilterSchema, onInvalid), async (c) => {
  const campaign = await currentCampaign(c.var.db);
  if (!campaign) return c.json({ campaign: null, progress: null, cards: [], total: 0, page: 1, pages: 1 });
  const [progress, list] = await Promise.all([campaignProgress(c.var.db, campaign.id), listOpenCards(c.var.db, campaign.id, c.req.valid('query'))]);
  const { id: _id, schoolId: _school, status: _status, ...publicCampaign } = campaign;
  return c.json({ campaign: publicCampaign, progress, ...list });
});

cardsApi.get('/:code', vValidator('param', CardCodeParamsSchema, onInvalid), async (c) => {
  const card = await findPublicCard(c.var.db, c.req.valid('param').code);
  return card ? c.json({ card }) : apiFailure(c, cardFailure('card_not_found'));
});
