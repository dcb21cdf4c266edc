import { vValidator } from '@hono/valibot-validator';
import { Hono, type Context } from 'hono';
import { getDb } from '#worker/platform/db/client.ts';
import { createCard, dismissFinding, publishCard, reviewCard, updateCard, withdrawCard, type CardChange } from '#worker/cards/index.ts';
import { cardPrivacy, publishBlockers, type PublishBlocker } from '#worker/cards/index.ts';
import { getConsoleCard, listConsoleCards, type ConsoleCard } from '#worker/cards/index.ts';
import type { PrivacyFinding } from '#worker/privacy/index.ts';
import { currentCampaign } from '#worker/cards/index.ts';
import { CardFieldsSchema, CardFilterSchema, WithdrawSchema } from '#worker/cards/index.ts';
import { CardCodeParamsSchema } from '#worker/cards/index.ts';
import { DismissFindingSchema, ReviewSchema } from '#worker/cards/index.ts';
import { apiError, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** Cards with their coordinator-only record: /api/admin/cards. */
export const adminCards = new Hono<AdminEnv>();

const cardJson = (card: ConsoleCard, findings: PrivacyFinding[]) => ({ card, privacy: findings });

/** Every blocker by field; two on one field are said together. */
function blockerFields(blockers: PublishBlocker[] = []): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const b of blockers) fields[b.field] = fields[b.field] ? `${fields[b.field]}；${b.message}` : b.message;
  return fields;
}

function answer(c: Context<AdminEnv>, result: CardChange, created = false) {
  if (result.ok) return c.json(cardJson(result.card, result.findings), created ? 201 : 200);
  const status = result.code === 'card_not_found' ? 404 : 409;
  const fields = result.code === 'duplicate_handout' ? result.fields : blockerFields(result.blockers);
  return apiError(c, status, result.code, result.message, fields);
}

adminCards.get('/', vValidator('query', CardFilterSchema, onInvalid), async (c) => {
  return c.json(await listConsoleCards(getDb(c.env.DB), c.req.valid('query')));
});

adminCards.post('/', vValidator('json', CardFieldsSchema, onInvalid), async (c) => {
  const db = getDb(c.env.DB);
  const campaign = await currentCampaign(db);
  if (!campaign) return apiError(c, 409, 'no_campaign', '还没有活动，请先建立活动');
  return answer(c, await createCard(db, campaign.id, c.req.valid('json'), c.var.session.coordinatorId), true);
});

adminCards.get('/:code', vValidator('param', CardCodeParamsSchema, onInvalid), async (c) => {
  const db = getDb(c.env.DB);
  const card = await getConsoleCard(db, c.req.valid('param').code);
  if (!card) return apiError(c, 404, 'card_not_found', '没有找到这张心愿卡');
  const privacy = await cardPrivacy(db, card);
  return c.json({ ...cardJson(card, privacy.open), dismissed: privacy.dismissed, blockers: publishBlockers(card, privacy.open) });
});

adminCards.put('/:code', vValidator('param', CardCodeParamsSchema, onInvalid), vValidator('json', CardFieldsSchema, onInvalid), async (c) =>
  answer(c, await updateCard(getDb(c.env.DB), c.req.valid('param').code, c.req.valid('json'), c.var.session.coordinatorId)),
);

// The body is optional: `{}` or `{"realNames": "…"}` (checked against the words, never kept).
adminCards.post('/:code/review', vValidator('param', CardCodeParamsSchema, onInvalid), vValidator('json', ReviewSchema, onInvalid), async (c) =>
  answer(c, await reviewCard(getDb(c.env.DB), c.req.valid('param').code, c.var.session.coordinatorId, c.req.valid('json').realNames)),
);

adminCards.post('/:code/publish', vValidator('param', CardCodeParamsSchema, onInvalid), async (c) =>
  answer(c, await publishCard(getDb(c.env.DB), c.req.valid('param').code, c.var.session.coordinatorId)),
);

adminCards.post('/:code/privacy-dismissals', vValidator('param', CardCodeParamsSchema, onInvalid), vValidator('json', DismissFindingSchema, onInvalid), async (c) =>
  answer(c, await dismissFinding(getDb(c.env.DB), c.req.valid('param').code, c.req.valid('json'), c.var.session.coordinatorId), true),
);

adminCards.post('/:code/withdraw', vValidator('param', CardCodeParamsSchema, onInvalid), vValidator('json', WithdrawSchema, onInvalid), async (c) =>
  answer(c, await withdrawCard(getDb(c.env.DB), c.req.valid('param').code, c.req.valid('json').reason, c.var.session.coordinatorId)),
);
