import { vValidator } from '@hono/valibot-validator';
import { Hono, type Context } from 'hono';
import {
  cardFailure,
  CardCodeParamsSchema,
  CardFieldsSchema,
  CardFilterSchema,
  cardPrivacy,
  createDraftCard,
  dismissFinding,
  DismissFindingSchema,
  getConsoleCard,
  listConsoleCards,
  publishBlockers,
  publishCard,
  reviewCard,
  ReviewSchema,
  updateCard,
  withdrawCard,
  WithdrawSchema,
  type CardChange,
  type ConsoleCard,
} from '#worker/cards/index.ts';
import type { PrivacyFinding } from '#worker/privacy/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** Cards with their coordinator-only record: /api/admin/cards. */
export const adminCards = new Hono<AdminEnv>();

const cardJson = (card: ConsoleCard, findings: PrivacyFinding[]) => ({ card, privacy: findings });

/** A card change's answer: the card with its open findings, or the refusal (a publish's blockers by field). */
function answer(c: Context<AdminEnv>, result: CardChange, created = false) {
  if (!result.ok) return apiFailure(c, result);
  return c.json(cardJson(result.card, result.findings), created ? 201 : 200);
}

adminCards.get('/', vValidator('query', CardFilterSchema, onInvalid), async (c) => c.json(await listConsoleCards(c.var.db, c.req.valid('query'))));

adminCards.post('/', vValidator('json', CardFieldsSchema, onInvalid), async (c) =>
  answer(c, await createDraftCard(c.var.db, c.req.valid('json'), c.var.session.coordinatorId), true),
);

adminCards.get('/:code', vValidator('param', CardCodeParamsSchema, onInvalid), async (c) => {
  const card = await getConsoleCard(c.var.db, c.req.valid('param').code);
  if (!card) return apiFailure(c, cardFailure('card_not_found'));
  const privacy = await cardPrivacy(c.var.db, card);
  return c.json({ ...cardJson(card, privacy.open), dismissed: privacy.dismissed, blockers: publishBlockers(card, privacy.open) });
});

adminCards.put('/:code', vValidator('param', CardCodeParamsSchema, onInvalid), vValidator('json', CardFieldsSchema, onInvalid), async (c) =>
  answer(c, await updateCard(c.var.db, c.req.valid('param').code, c.req.valid('json'), c.var.session.coordinatorId)),
);

// The body is optional: `{}` or `{"realNames": "…"}` (checked against the words, never kept).
adminCards.post('/:code/review', vValidator('param', CardCodeParamsSchema, onInvalid), vValidator('json', ReviewSchema, onInvalid), async (c) =>
  answer(c, await reviewCard(c.var.db, c.req.valid('param').code, c.var.session.coordinatorId, c.req.valid('json').realNames)),
);

adminCards.post('/:code/publish', vValidator('param', CardCodeParamsSchema, onInvalid), async (c) =>
  answer(c, await publishCard(c.var.db, c.req.valid('param').code, c.var.session.coordinatorId)),
);

adminCards.post('/:code/privacy-dismissals', vValidator('param', CardCodeParamsSchema, onInvalid), vValidator('json', DismissFindingSchema, onInvalid), async (c) =>
  answer(c, await dismissFinding(c.var.db, c.req.valid('param').code, c.req.valid('json'), c.var.session.coordinatorId), true),
);

adminCards.post('/:code/withdraw', vValidator('param', CardCodeParamsSchema, onInvalid), vValidator('json', WithdrawSchema, onInvalid), async (c) =>
  answer(c, await withdrawCard(c.var.db, c.req.valid('param').code, c.req.valid('json').reason, c.var.session.coordinatorId)),
);
