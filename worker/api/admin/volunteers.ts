import { vValidator } from '@hono/valibot-validator';
import { Hono, type Context } from 'hono';
import { getDb } from '#worker/platform/db/client.ts';
import { attachment } from '#worker/cards/index.ts';
import { exportVolunteersCsv } from '#worker/volunteers/index.ts';
import { decideVolunteer, eraseVolunteer, getVolunteer, issueNewLink, listVolunteers, type VolunteerChange } from '#worker/volunteers/index.ts';
import { RejectSchema } from '#worker/volunteers/index.ts';
import { VolunteerFilterSchema, VolunteerIdSchema } from '#worker/volunteers/index.ts';
import { apiError, onInvalid } from '#worker/platform/http/api-error.ts';
import type { AdminEnv } from './guard';

/** Volunteers for coordinators: /api/admin/volunteers. */
export const adminVolunteers = new Hono<AdminEnv>();

async function answer(c: Context<AdminEnv>, id: number, result: VolunteerChange, extra: object = {}) {
  if (!result.ok) return apiError(c, result.code === 'volunteer_not_found' ? 404 : 409, result.code, result.message);
  return c.json({ volunteer: await getVolunteer(getDb(c.env.DB), id), ...extra });
}

adminVolunteers.get('/', vValidator('query', VolunteerFilterSchema, onInvalid), async (c) => c.json(await listVolunteers(getDb(c.env.DB), c.req.valid('query'))));

adminVolunteers.get('/export.csv', vValidator('query', VolunteerFilterSchema, onInvalid), async (c) => {
  const file = await exportVolunteersCsv(getDb(c.env.DB), c.req.valid('query'), c.var.session.coordinatorId);
  return c.body(file.body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(file.filename) });
});

adminVolunteers.get('/:id', vValidator('param', VolunteerIdSchema, onInvalid), async (c) => {
  const volunteer = await getVolunteer(getDb(c.env.DB), c.req.valid('param').id);
  if (!volunteer) return apiError(c, 404, 'volunteer_not_found', '没有这位志愿者');
  return c.json({ volunteer });
});

adminVolunteers.post('/:id/approve', vValidator('param', VolunteerIdSchema, onInvalid), async (c) => {
  const { id } = c.req.valid('param');
  return answer(c, id, await decideVolunteer(getDb(c.env.DB), id, 'approved', null, c.var.session.coordinatorId));
});

adminVolunteers.post('/:id/reject', vValidator('param', VolunteerIdSchema, onInvalid), vValidator('json', RejectSchema, onInvalid), async (c) => {
  const { id } = c.req.valid('param');
  return answer(c, id, await decideVolunteer(getDb(c.env.DB), id, 'rejected', c.req.valid('json').reason, c.var.session.coordinatorId));
});

adminVolunteers.post('/:id/new-link', vValidator('param', VolunteerIdSchema, onInvalid), async (c) => {
  const { id } = c.req.valid('param');
  const result = await issueNewLink(getDb(c.env.DB), id, c.var.session.coordinatorId);
  return answer(c, id, result, result.ok ? { privateUrl: `${new URL(c.req.url).origin}/v/${result.token}` } : {});
});

adminVolunteers.post('/:id/erase', vValidator('param', VolunteerIdSchema, onInvalid), async (c) => {
  const { id } = c.req.valid('param');
  return answer(c, id, await eraseVolunteer(getDb(c.env.DB), id, c.var.session.coordinatorId));
});
