import type { APIRoute } from 'astro';
import { exportVolunteers, VolunteerFilterSchema } from '#worker/volunteers/index.ts';
import { xlsxDownload } from '#worker/platform/http/attachment.ts';
import { siteDb } from '#site/lib/db.ts';
import { readQuery } from '#site/lib/query.ts';

export const prerender = false;

/** The same rows as volunteers.csv, as a workbook for Excel and WPS (mobile numbers as text). */
export const GET: APIRoute = async ({ url, locals }) =>
  xlsxDownload(await exportVolunteers(siteDb(), readQuery(VolunteerFilterSchema, url), locals.coordinator!.coordinatorId, 'xlsx'));
