import { vValidator } from '@hono/valibot-validator';
import { Hono, type Context } from 'hono';
import { every } from 'hono/combine';
import { createMiddleware } from 'hono/factory';
import {
  ContactSchema,
  logContact,
  movePairing,
  offerPairing,
  ownsPairing,
  pairingFailure,
  PairingIdParamsSchema,
  PairingOfferSchema,
  pairingSettings,
  volunteerMayPair,
  volunteerPairings,
  type ContactResult,
  type PairingResult,
} from '#worker/pairings/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import { jsonBody, noStore, sameSite } from '#worker/platform/http/middleware.ts';
import { requireVolunteer, type VolunteerEnv } from './volunteer-guard';

/** Answers a pairing step: the pairing's id, or the failure's own status and code. */
export function pairingAnswer(c: Context, result: PairingResult, created = false) {
  if (!result.ok) return apiFailure(c, result);
  return c.json({ pairing: { id: result.pairingId } }, created ? 201 : 200);
}

export function contactAnswer(c: Context, result: ContactResult, created = false) {
  if (!result.ok) return apiFailure(c, result);
  return c.json({ contact: { id: result.contactId } }, created ? 201 : 200);
}

/** Pairing is for approved volunteers only: refused (403) before any body is read. */
const approvedVolunteer = () =>
  createMiddleware<VolunteerEnv>(async (c, next) => {
    if (!(await volunteerMayPair(c.var.db, c.var.volunteerId))) return apiFailure(c, pairingFailure('volunteer_not_approved'));
    await next();
  });

/** The pairing in the path is this volunteer's own; another's is not found (404), whatever the body says. */
const ownPairing = () =>
  createMiddleware<VolunteerEnv>(async (c, next) => {
    const id = Number(c.req.param('id'));
    if (!(await ownsPairing(c.var.db, c.var.volunteerId, id))) return apiFailure(c, pairingFailure('pairing_not_found'));
    await next();
  });

const change = () => every(noStore(), sameSite(), jsonBody(), requireVolunteer(), approvedVolunteer());

/** /api/me/pairings: a volunteer's own pairings, their offer, withdrawal and contact log. */
export const mePairingsApi = new Hono<VolunteerEnv>();

mePairingsApi.get('/', noStore(), requireVolunteer(), async (c) => {
  const [pairings, settings] = await Promise.all([volunteerPairings(c.var.db, c.var.volunteerId), pairingSettings(c.var.db)]);
  return c.json({ pairings, schoolPhone: settings?.officePhone ?? null });
});

mePairingsApi.post('/', change(), vValidator('json', PairingOfferSchema, onInvalid), async (c) =>
  pairingAnswer(c, await offerPairing(c.var.db, c.var.volunteerId, c.req.valid('json')), true),
);

mePairingsApi.post('/:id/withdraw', change(), vValidator('param', PairingIdParamsSchema, onInvalid), ownPairing(), async (c) =>
  pairingAnswer(c, await movePairing(c.var.db, c.req.valid('param').id, 'withdraw', { kind: 'volunteer', id: c.var.volunteerId })),
);

mePairingsApi.post('/:id/contacts', change(), vValidator('param', PairingIdParamsSchema, onInvalid), ownPairing(), vValidator('json', ContactSchema, onInvalid), async (c) =>
  contactAnswer(c, await logContact(c.var.db, { kind: 'volunteer', id: c.var.volunteerId }, c.req.valid('param').id, c.req.valid('json')), true),
);
