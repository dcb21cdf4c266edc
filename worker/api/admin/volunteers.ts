import { vValidator } from '@hono/valibot-validator';
import { Hono, type Context } from 'hono';
import {
  decideVolunteer,
  eraseVolunteer,
  exportVolunteers,
  getVolunteer,
  issueNewLink,
  listVolunteers,
  RejectSchema,
  volunteerFailure,
  VolunteerFilterSchema,
  VolunteerIdSchema,
  type VolunteerChange,
} from '#worker/volunteers/index.ts';
import { csvAttachment, xlsxAttachment } from '#worker/platform/http/attachment.ts';
import { apiFailure, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** Volunteers for coordinators: /api/admin/volunteers. */
export const adminVolunteers = new Hono<AdminEnv>();

/** A vetting step's answer: the volunteer as they are now, or the refusal. */
async function answer(c: Context<AdminEnv>, id: number, result: VolunteerChange, extra: object = {}) {
  if (!result.ok) return apiFailure(c, result);
  return c.json({ volunteer: await getVolunteer(c.var.db, id), ...extra });
}

adminVolunteers.get('/', vValidator('query', VolunteerFilterSchema, onInvalid), async (c) => c.json(await listVolunteers(c.var.db, c.req.valid('query'))));

adminVolunteers.get('/export.csv', vValidator('query', VolunteerFilterSchema, onInvalid), async (c) =>
  csvAttachment(c, await exportVolunteers(c.var.db, c.req.valid('query'), c.var.session.coordinatorId, 'csv')),
);

adminVolunteers.get('/export.xlsx', vValidator('query', VolunteerFilterSchema, onInvalid), async (c) =>
  xlsxAttachment(c, await exportVolunteers(c.var.db, c.req.valid('query'), c.var.session.coordinatorId, 'xlsx')),
);

adminVolunteers.get('/:id', vValidator('param', VolunteerIdSchema, onInvalid), async (c) => {
  const volunteer = await getVolunteer(c.var.db, c.req.valid('param').id);
  return volunteer ? c.json({ volunteer }) : apiFailure(c, volunteerFailure('volunteer_not_found'));
});

adminVolunteers.post('/:id/approve', vValidator('param', VolunteerIdSchema, onInvalid), async (c) => {
  const { id } = c.req.valid('param');
  return answer(c, id, await decideVolunteer(c.var.db, id, 'approved', null, c.var.session.coordinatorId));
});

adminVolunteers.post('/:id/reject', vValidator('param', VolunteerIdSchema, onInvalid), vValidator('json', RejectSchema, onInvalid), async (c) => {
  const { id } = c.req.valid('param');
  return answer(c, id, await decideVolunteer(c.var.db, id, 'rejected', c.req.valid('json').reason, c.var.session.coordinatorId));
});

adminVolunteers.post('/:id/new-link', vValidator('param', VolunteerIdSchema, onInvalid), async (c) => {
  const { id } = c.req.valid('param');
  const result = await issueNewLink(c.var.db, id, c.var.session.coordinatorId);
  return answer(c, id, result, result.ok ? { privateUrl: `${new URL(c.req.url).origin}/v/${result.token}` } : {});
});

adminVolunteers.post('/:id/erase', vValidator('param', VolunteerIdSchema, onInvalid), async (c) => {
  const { id } = c.req.valid('param');
  return answer(c, id, await eraseVolunteer(c.var.db, id, c.var.session.coordinatorId));
});
