import { vValidator } from '@hono/valibot-validator';
import { Hono, type Context } from 'hono';
import { every } from 'hono/combine';
import { claimCard, ClaimIdParamsSchema, moveClaim, type ClaimResult } from '#worker/claims/index.ts';
import { CardCodeParamsSchema } from '#worker/cards/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import { jsonBody, noStore, sameSite } from '#worker/platform/http/middleware.ts';
import { requireVolunteer, type VolunteerEnv } from './volunteer-guard';

/** Answers a claim step: 201/200 with the claim, or the failure's own status and code. */
export function claimAnswer(c: Context, result: ClaimResult, created = false) {
  if (!result.ok) return apiFailure(c, result);
  return c.json({ claim: { id: result.claimId } }, created ? 201 : 200);
}

/** A volunteer's state change: private, from this site, JSON, with their token. */
const volunteerChange = () => every(noStore(), sameSite(), jsonBody(), requireVolunteer());

/** POST /api/cards/:code/claims: a volunteer claims a card. */
export const cardClaimsApi = new Hono<VolunteerEnv>();
cardClaimsApi.post('/:code/claims', vValidator('param', CardCodeParamsSchema, onInvalid), volunteerChange(), async (c) =>
  claimAnswer(c, await claimCard(c.var.db, c.var.volunteerId, c.req.valid('param').code), true),
);

/** POST /api/claims/:id/cancel and /delivered: the volunteer's own steps. */
export const claimsApi = new Hono<VolunteerEnv>();
claimsApi.post('/:id/cancel', vValidator('param', ClaimIdParamsSchema, onInvalid), volunteerChange(), async (c) =>
  claimAnswer(c, await moveClaim(c.var.db, c.req.valid('param').id, 'cancel', { kind: 'volunteer', id: c.var.volunteerId })),
);
claimsApi.post('/:id/delivered', vValidator('param', ClaimIdParamsSchema, onInvalid), volunteerChange(), async (c) =>
  claimAnswer(c, await moveClaim(c.var.db, c.req.valid('param').id, 'deliver', { kind: 'volunteer', id: c.var.volunteerId })),
);
