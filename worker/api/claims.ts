import { vValidator } from '@hono/valibot-validator';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { getDb } from '#worker/platform/db/client.ts';
import { claimCard, moveClaim, type ClaimResult } from '#worker/claims/index.ts';
import { CardCodeParamsSchema } from '#worker/cards/index.ts';
import { apiError, onInvalid } from '#worker/platform/http/api-error.ts';
import { requireVolunteer, type VolunteerEnv } from './volunteer-guard';

const ClaimIdSchema = v.object({ id: v.pipe(v.string(), v.regex(/^\d{1,9}$/, '认领编号是数字'), v.transform(Number)) });

/** Answers a claim step: 201/200, or the failure's status with its code. */
export function claimAnswer(c: Context, result: ClaimResult, created = false) {
  if (result.ok) return c.json({ claim: { id: result.claimId } }, created ? 201 : 200);
  const status = result.code === 'claim_not_found' ? 404 : result.code === 'volunteer_rejected' ? 403 : 409;
  return apiError(c, status, result.code, result.message);
}

/** POST /api/cards/:code/claims: a volunteer claims a card. */
export const cardClaimsApi = new Hono<VolunteerEnv>();
cardClaimsApi.post('/:code/claims', vValidator('param', CardCodeParamsSchema, onInvalid), requireVolunteer, async (c) =>
  claimAnswer(c, await claimCard(getDb(c.env.DB), c.var.volunteerId, c.req.valid('param').code), true),
);

/** POST /api/claims/:id/cancel and /delivered: the volunteer's own steps. */
export const claimsApi = new Hono<VolunteerEnv>();
claimsApi.post('/:id/cancel', vValidator('param', ClaimIdSchema, onInvalid), requireVolunteer, async (c) =>
  claimAnswer(c, await moveClaim(getDb(c.env.DB), c.req.valid('param').id, 'cancel', { kind: 'volunteer', id: c.var.volunteerId })),
);
claimsApi.post('/:id/delivered', vValidator('param', ClaimIdSchema, onInvalid), requireVolunteer, async (c) =>
  claimAnswer(c, await moveClaim(getDb(c.env.DB), c.req.valid('param').id, 'deliver', { kind: 'volunteer', id: c.var.volunteerId })),
);

export { ClaimIdSchema };
