import { env } from 'cloudflare:workers';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '#worker/platform/db/client.ts';
import { signUp } from '#worker/volunteers/index.ts';
import { getVolunteer, issueNewLink, listVolunteers } from '#worker/volunteers/index.ts';
import { consoleQueues } from '#worker/console/index.ts';
import { VolunteerFilterSchema } from '#worker/volunteers/index.ts';
import { VolunteerSignupSchema } from '#worker/volunteers/index.ts';
import { adminFetch, coordinatorCookie } from '../support/api-client';
import { createVolunteer } from '../support/factories';

const db = getDb(env.DB);
const allVolunteers = v.parse(VolunteerFilterSchema, {});
const signupOf = (name: string, mobile: string) =>
  v.parse(VolunteerSignupSchema, { name, mobile, town: '青石镇', helpTypes: ['wish_cards'], agreeCode: true, agreePrivacy: true });

let repeated = 0;
let single = 0;

beforeAll(async () => {
  // Volunteers already known, each signed up once.
  for (const status of ['approved', 'pending', 'rejected'] as const) await createVolunteer({ status });
  await signUp(db, signupOf('重复测试', '13711110001'));
  await signUp(db, signupOf('单次测试', '13711110002'));
  // The same mobile twice more: no second volunteer, two repeats of the first.
  await signUp(db, signupOf('又一次', '13711110001'));
  await signUp(db, signupOf('第三次', '13711110001'));
  const ids = await env.DB.prepare("SELECT id, mobile FROM volunteers WHERE mobile IN ('13711110001', '13711110002')").all<{ id: number; mobile: string }>();
  repeated = ids.results.find((r) => r.mobile === '13711110001')!.id;
  single = ids.results.find((r) => r.mobile === '13711110002')!.id;
});

describe('repeat sign-ups in the console', () => {
  it('the list counts each volunteer’s own repeats, and none for others', async () => {
    const { volunteers } = await listVolunteers(db, allVolunteers);
    expect(volunteers.find((x) => x.id === repeated)?.repeats).toBe(2);
    expect(volunteers.find((x) => x.id === single)?.repeats).toBe(0);
  });

  it('one volunteer’s record counts their repeats', async () => {
    expect((await getVolunteer(db, repeated))?.repeats).toBe(2);
    expect((await getVolunteer(db, single))?.repeats).toBe(0);
  });

  it('the coordinators’ API lists the same counts', async () => {
    const cookie = await coordinatorCookie();
    const body = (await (await adminFetch(cookie, '/volunteers')).json()) as { volunteers: { id: number; repeats: number }[] };
    expect(body.volunteers.find((x) => x.id === repeated)?.repeats).toBe(2);
    expect(body.volunteers.find((x) => x.id === single)?.repeats).toBe(0);
    const one = (await (await adminFetch(cookie, `/volunteers/${repeated}`)).json()) as { volunteer: { repeats: number } };
    expect(one.volunteer.repeats).toBe(2);
  });
});

describe('lost links on the console’s to-do list', () => {
  it('counts each volunteer someone signed up again as once, lists only them, and a fresh link settles it', async () => {
    expect((await consoleQueues(db)).lostLinks).toBe(1);
    const lost = await listVolunteers(db, v.parse(VolunteerFilterSchema, { lostLink: '1' }));
    expect(lost.volunteers.map((x) => x.id)).toEqual([repeated]);
    const fresh = await issueNewLink(db, repeated, 1);
    expect(fresh.ok).toBe(true);
    expect((await consoleQueues(db)).lostLinks).toBe(0);
    expect((await listVolunteers(db, v.parse(VolunteerFilterSchema, { lostLink: '1' }))).volunteers).toEqual([]);
  });
});
