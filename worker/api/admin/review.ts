import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import * as v from 'valibot';
import { campaignForNewCards } from '#worker/campaigns/current.ts';
import { askForChanges, AskChangesSchema, CardCodeParamsSchema, CardCodesSchema, cardFailure, nextInQueue, publishCards } from '#worker/cards/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** Reviewing and publishing the working campaign's drafts: /api/admin/review. */
export const adminReview = new Hono<AdminEnv>();

const AfterSchema = v.object({ after: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/, '请给一个数字'), v.transform(Number)), '0') });

/** The next draft in the queue after the card with id `after`, with its findings and what blocks it. */
adminReview.get('/', vValidator('query', AfterSchema, onInvalid), async (c) => {
  const campaign = await campaignForNewCards(c.var.db);
  if (!campaign) return apiFailure(c, cardFailure('no_campaign'));
  const next = await nextInQueue(c.var.db, campaign.id, Number(c.req.valid('query').after));
  return c.json({ next });
});

/** Reviews and publishes the chosen drafts; the answer reports each card. */
adminReview.post('/publish', vValidator('json', CardCodesSchema, onInvalid), async (c) => {
  const report = await publishCards(c.var.db, c.req.valid('json').codes, c.var.session.coordinatorId);
  return c.json({ published: report.published, refused: report.refused });
});

adminReview.post(
  '/:code/ask-changes',
  vValidator('param', CardCodeParamsSchema, onInvalid),
  vValidator('json', v.omit(AskChangesSchema, ['code']), onInvalid),
  async (c) => {
    const result = await askForChanges(c.var.db, c.req.valid('param').code, c.req.valid('json').note, c.var.session.coordinatorId);
    return result.ok ? c.json({ ok: true }) : apiFailure(c, result);
  },
);
