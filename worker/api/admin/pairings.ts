import { vValidator } from '@hono/valibot-validator';
import { Hono } from 'hono';
import {
  ContactIdParamsSchema,
  ContactSchema,
  consolePairing,
  correctContact,
  createPairingChild,
  EndPairingSchema,
  handleCallRequest,
  listConsolePairings,
  listPairingChildren,
  logContact,
  movePairing,
  pairingFailure,
  PairingChildSchema,
  PairingFilterSchema,
  PairingIdParamsSchema,
  proposePairing,
  ProposeSchema,
  recordSafeguards,
  SafeguardsSchema,
  type PairingStep,
} from '#worker/pairings/index.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import { contactAnswer, pairingAnswer } from '#worker/api/pairings.ts';
import type { AdminEnv } from './guard';

/** Pairings for coordinators: the children, the list and one pairing, each step, and the contact log. */
export const adminPairings = new Hono<AdminEnv>();
const coordinator = (id: number) => ({ kind: 'coordinator' as const, id });

adminPairings.get('/children', async (c) => c.json({ children: await listPairingChildren(c.var.db) }));
adminPairings.post('/children', vValidator('json', PairingChildSchema, onInvalid), async (c) => {
  const result = await createPairingChild(c.var.db, c.req.valid('json'), c.var.session.coordinatorId);
  return result.ok ? c.json({ child: { id: result.childId } }, 201) : apiFailure(c, result);
});

adminPairings.post('/contacts/:id/correct', vValidator('param', ContactIdParamsSchema, onInvalid), vValidator('json', ContactSchema, onInvalid), async (c) =>
  contactAnswer(c, await correctContact(c.var.db, c.var.session.coordinatorId, c.req.valid('param').id, c.req.valid('json'))),
);
adminPairings.post('/contacts/:id/call-handled', vValidator('param', ContactIdParamsSchema, onInvalid), async (c) =>
  contactAnswer(c, await handleCallRequest(c.var.db, c.var.session.coordinatorId, c.req.valid('param').id)),
);

adminPairings.get('/', vValidator('query', PairingFilterSchema, onInvalid), async (c) => c.json({ pairings: await listConsolePairings(c.var.db, c.req.valid('query')) }));
adminPairings.get('/:id', vValidator('param', PairingIdParamsSchema, onInvalid), async (c) => {
  const pairing = await consolePairing(c.var.db, c.req.valid('param').id);
  return pairing ? c.json({ pairing }) : apiFailure(c, pairingFailure('pairing_not_found'));
});

adminPairings.post('/:id/propose', vValidator('param', PairingIdParamsSchema, onInvalid), vValidator('json', ProposeSchema, onInvalid), async (c) =>
  pairingAnswer(c, await proposePairing(c.var.db, c.req.valid('param').id, c.req.valid('json').child, c.var.session.coordinatorId)),
);
adminPairings.post('/:id/safeguards', vValidator('param', PairingIdParamsSchema, onInvalid), vValidator('json', SafeguardsSchema, onInvalid), async (c) =>
  pairingAnswer(c, await recordSafeguards(c.var.db, c.req.valid('param').id, c.req.valid('json'), c.var.session.coordinatorId)),
);
for (const step of ['activate', 'suspend', 'resume'] as const satisfies readonly PairingStep[]) {
  adminPairings.post(`/:id/${step}`, vValidator('param', PairingIdParamsSchema, onInvalid), async (c) =>
    pairingAnswer(c, await movePairing(c.var.db, c.req.valid('param').id, step, coordinator(c.var.session.coordinatorId))),
  );
}
adminPairings.post('/:id/end', vValidator('param', PairingIdParamsSchema, onInvalid), vValidator('json', EndPairingSchema, onInvalid), async (c) =>
  pairingAnswer(c, await movePairing(c.var.db, c.req.valid('param').id, 'end', coordinator(c.var.session.coordinatorId), { reason: c.req.valid('json').reason })),
);
adminPairings.post('/:id/contacts', vValidator('param', PairingIdParamsSchema, onInvalid), vValidator('json', ContactSchema, onInvalid), async (c) =>
  contactAnswer(c, await logContact(c.var.db, coordinator(c.var.session.coordinatorId), c.req.valid('param').id, c.req.valid('json')), true),
);
