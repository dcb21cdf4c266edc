/**
 * The console's list of volunteers, as a coordinator sees it: a volunteer whose mobile was used
 * to sign up again is marked, so the coordinator can call them (the repeats count came out 0
 * before the fix in volunteer-vetting.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCanaryCampaign } from '../support/canary-campaign';
import { coordinator, Visitor } from '../support/site-client';

const signUp = (name: string, mobile: string, ip: string) =>
  new Visitor().postJson('/api/volunteers', { name, mobile, town: '青石镇', helpTypes: ['wish_cards'], agreeCode: true, agreePrivacy: true }, { 'CF-Connecting-IP': ip });

beforeAll(async () => {
  await seedCanaryCampaign();
  for (const [name, mobile, ip] of [['重复报名者', '13722220001', '10.88.0.1'], ['只报一次者', '13722220002', '10.88.0.2'], ['冒用号码者', '13722220001', '10.88.0.3']]) {
    expect((await signUp(name!, mobile!, ip!)).status).toBe(201);
  }
});

describe('the console’s volunteers list', () => {
  it('marks a volunteer with a repeat sign-up, and only them', async () => {
    const admin = await coordinator();
    const html = await (await admin.visit('/admin/volunteers/?status=pending')).text();
    expect(html).toMatch(/重复报名者<\/a>（有重复报名）/);
    expect(html).toMatch(/只报一次者<\/a><\/td>/);
    // The second sign-up made no volunteer of its own.
    expect(html).not.toContain('冒用号码者');
  });
});
