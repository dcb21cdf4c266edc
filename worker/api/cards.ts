import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import { getDb } from '#worker/platform/db/client.ts';
import { campaignProgress, currentCampaign, findPublicCard, listOpenCards } from '#worker/cards/index.ts';
import { CardCodeParamsSchema } from '#worker/cards/index.ts';
import { WallFilterSchema } from '#worker/cards/index.ts';
import { apiError, onInvalid } from '#worker/platform/http/api-error.ts';

/** Public wish-card API: public faces only. */
export const cardsApi = new Hono<{ Bindings: Env }>();

cardsApi.get('/', vValidator('query', WallFilterSchema, onInvalid), async (c) => {
  const db = getDb(c.env.DB);
  const campaign = await currentCampaign(db);
  if (!campaign) return c.json({ campaign: null, progress: null, cards: [], total: 0, page: 1, pages: 1 });
  const [progress, list] = await Promise.all([campaignProgress(db, campaign.id), listOpenCards(db, campaign.id, c.req.valid('query'))]);
  const { id: _id, ...publicCampaign } = campaign;
  return c.json({ campaign: publicCampaign, progress, ...list });
});

cardsApi.get('/:code', vValidator('param', CardCodeParamsSchema, onInvalid), async (c) => {
  const card = await findPublicCard(getDb(c.env.DB), c.req.valid('param').code);
  if (!card) return apiError(c, 404, 'card_not_found', '没有找到这张心愿卡');
  return c.json({ card });
});
