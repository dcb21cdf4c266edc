import type { APIRoute } from 'astro';
import { exportVolunteers, VolunteerFilterSchema } from '#worker/volunteers/index.ts';
import { csvDownload } from '#worker/platform/http/attachment.ts';
import { siteDb } from '#site/lib/db.ts';
import { readQuery } from '#site/lib/query.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) =>
  csvDownload(await exportVolunteers(siteDb(), readQuery(VolunteerFilterSchema, url), locals.coordinator!.coordinatorId, 'csv'));
