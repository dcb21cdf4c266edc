/**
 * A drive's year in the console's forms, as a coordinator without JavaScript would post them: the
 * home page counting down to the claim deadline, the cards nobody claimed fulfilled by the school
 * (several ticked at once), closing and archiving, and the next campaign made from the last one;
 * then what the public sees: the wall between campaigns and the past campaign's record.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, createCard, DAY, type TestCampaign, type TestCard } from '../support/factories';
import { coordinator, csrfOf, visit, type Visitor } from '../support/site-client';

let admin: Visitor;
let campaign: TestCampaign;
let slug = '';
let open: TestCard[] = [];
const text = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, '');

/** Posts one of a page's forms with the page's own CSRF token; repeated fields as given. */
async function post(path: string, fields: [string, string][]): Promise<Response> {
  const page = await (await admin.visit(path)).text();
  return admin.postForm(path, new URLSearchParams([['_csrf', csrfOf(page)], ...fields]));
}

beforeAll(async () => {
  admin = await coordinator();
  campaign = await createCampaign({ startsAt: new Date(Date.now() - 30 * DAY), claimDeadline: new Date(Date.now() + 6 * DAY), dropoffDeadline: new Date(Date.now() + 20 * DAY) });
  slug = (await env.DB.prepare('SELECT slug FROM campaigns WHERE id = ?').bind(campaign.id).first<{ slug: string }>())!.slug;
  open = [await createCard({ campaignId: campaign.id }), await createCard({ campaignId: campaign.id }), await createCard({ campaignId: campaign.id })];
  await createCard({ campaignId: campaign.id, status: 'fulfilled' });
});

describe('a drive’s year in the console, without JavaScript', () => {
  it('the to-do page counts the days to the claim deadline and the cards still open', async () => {
    expect(await text(await admin.visit('/admin/'))).toContain('认领还有 6 天截止，还有 3 张心愿卡没人认领');
  });

  it('after the deadline, lists the cards nobody claimed and marks the ticked ones 由学校兜底', async () => {
    await env.DB.prepare('UPDATE campaigns SET claim_deadline = ? WHERE id = ?').bind(Date.now() - DAY, campaign.id).run();
    expect(await text(await admin.visit('/admin/'))).toMatch(/认领已经截止，还有 3 张心愿卡没人认领。\s*由学校兜底/);
    const page = await (await admin.visit(`/admin/campaigns/${slug}?all=1`)).text();
    for (const card of open) expect(page).toMatch(new RegExp(`value="${card.code}"[^>]*checked`));

    const res = await post(`/admin/campaigns/${slug}`, [['_action', 'fallback'], ['codes', open[0]!.code], ['codes', open[1]!.code]]);
    expect(res.status).toBe(200);
    const after = await text(res);
    expect(after).toContain('已标记 2 张');
    expect(after).toContain('还有 1 张');
    const statuses = await env.DB.prepare('SELECT code, status FROM cards WHERE campaign_id = ? ORDER BY id').bind(campaign.id).all<{ code: string; status: string }>();
    expect(statuses.results.filter((c) => c.status === 'school_fulfilled').map((c) => c.code).sort()).toEqual([open[0]!.code, open[1]!.code].sort());
  });

  it('closes the drive, refuses to archive it while a wish is left, then archives it', async () => {
    // Each move asks once more and says what will happen.
    const confirm = await text(await admin.visit(`/admin/campaigns/${slug}?confirm=close`));
    expect(confirm).toContain('确认结束活动');
    expect(confirm).toContain('还有 1 张心愿卡没人认领');
    expect((await post(`/admin/campaigns/${slug}?confirm=close`, [['_action', 'close']])).status).toBe(303);
    const refused = await post(`/admin/campaigns/${slug}`, [['_action', 'archive']]);
    expect(refused.status).toBe(409);
    expect(await text(refused)).toContain('1 张心愿卡没人认领');
    expect((await post(`/admin/campaigns/${slug}`, [['_action', 'fallback'], ['codes', open[2]!.code]])).status).toBe(200);
    const archived = await post(`/admin/campaigns/${slug}`, [['_action', 'archive']]);
    expect(archived.status).toBe(303);
    expect(await text(await admin.visit(archived.headers.get('Location')!))).toContain('活动已归档');
  });

  it('makes the next campaign from the last one’s settings, a year on, and the wall says when it starts', async () => {
    const form = await (await admin.visit('/admin/campaigns/new')).text();
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form)?.[1] ?? '';
    const startsOn = value('startsOn');
    expect(Number(startsOn.slice(0, 4))).toBe(new Date(Date.now() - 30 * DAY + 8 * 3600_000).getUTCFullYear() + 1);
    const fields: [string, string][] = ['name', 'startsOn', 'claimDeadline', 'dropoffDeadline', 'dropoffPlace', 'valueGuide', 'claimCap', 'approveWithinDays', 'deliverWithinDays'].map((n) => [n, value(n)]);
    const res = await post('/admin/campaigns/new', [...fields, ['summary', ''], ['villageNames', '']]);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/admin/campaigns/${startsOn.slice(0, 7)}?done=create`);

    const wall = await text(await visit('/wall/'));
    expect(wall).toContain('眼下没有进行中的心愿卡活动');
    expect(wall).toMatch(/下一次活动“[^”]+”预计 .+ 开始/);

    // Its start day comes and nobody opened it: the to-do page says so.
    expect(await text(await admin.visit('/admin/'))).not.toContain('开始日期到了');
    await env.DB.prepare("UPDATE campaigns SET starts_at = ? WHERE status = 'prepared'").bind(Date.now() - DAY).run();
    expect(await text(await admin.visit('/admin/'))).toMatch(/开始日期到了，但还没有开始/);
  });

  it('publishes the past campaign’s record: counts, volunteers’ gifts and the school’s apart, no child’s words', async () => {
    const res = await visit(`/campaigns/${slug}/`);
    expect(res.status).toBe(200);
    const record = await text(res);
    expect(record).toMatch(/上墙的心愿\s*4 个/);
    expect(record).toMatch(/学校兜底圆梦\s*3 个/);
    for (const card of open) expect(record).not.toContain(card.code);
    const { results } = await env.DB.prepare('SELECT alias, wish FROM cards WHERE campaign_id = ?').bind(campaign.id).all<{ alias: string; wish: string }>();
    for (const card of results) expect(record).not.toContain(card.wish);
    expect(await text(await visit('/campaigns/'))).toContain(campaign.name);
    // A paper tree's QR code scanned after the archive: the card's address says the drive ended, without the child's words.
    const scanned = await visit(`/wall/${open[0]!.code}`);
    expect(scanned.status).toBe(410);
    const page = await text(scanned);
    expect(page).toContain('这次活动已经结束');
    const wish = (await env.DB.prepare('SELECT wish FROM cards WHERE code = ?').bind(open[0]!.code).first<{ wish: string }>())!.wish;
    expect(page).not.toContain(wish);
  });
});
