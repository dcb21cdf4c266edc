/**
 * Weight budgets per page type, as the Worker serves the pages: HTML plus every
 * stylesheet it links, gzip-compressed; no script and no web font on any public
 * page. The wall and card pages are weighed at their worst: every card's text
 * at its maximum length.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, createCard, createSchool, createWall, DAY } from '../support/factories';
import { CARD_CATEGORIES } from '#worker/vocabulary.ts';
import { countScripts, countWebFonts, PAGE_BUDGETS, servedWeight, sitemapPages, type PageType } from '../support/page-budgets';
import { visit } from '../support/site-client';

async function gzipBytes(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

interface Weight {
  path: string;
  type: PageType;
  gzip: number;
  scripts: number;
  webFonts: number;
}

async function weigh(path: string, type: PageType): Promise<Weight> {
  const res = await visit(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  const { gzip, css } = await servedWeight(html, async (href) => (await visit(href)).text(), gzipBytes);
  return { path, type, gzip, scripts: countScripts(html), webFonts: countWebFonts(html + css) };
}

/** Chinese text that compresses as badly as real wishes do: common characters in a scrambled order. */
function chineseText(length: number, seed: number): string {
  const pool = '我想要一本书的新画笔和足球篮球衣服鞋子围巾手套书包文具盒字典故事绘本乐高积木跳绳羽毛拍风筝妈妈爸爸爷爷奶奶陪伴学习画画唱歌读写算数科学恐龙海洋太空星星月亮';
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += pool[x % pool.length];
  }
  return out;
}

let weights: Weight[] = [];

beforeAll(async () => {
  // A full first page of open cards (24), and cards in every other state.
  await createWall({ open: 24 });
  // Every card at its longest: alias 12, wish 300, size note 40 characters.
  const { results } = await env.DB.prepare('SELECT id FROM cards').all<{ id: number }>();
  await env.DB.batch(results.map(({ id }) => env.DB.prepare('UPDATE cards SET alias = ?, wish = ?, size_note = ? WHERE id = ?').bind(chineseText(12, id), chineseText(300, id * 7), chineseText(40, id * 13), id)));
  const open = await env.DB.prepare("SELECT count(*) AS n, min(code) AS code FROM cards WHERE status = 'open'").first<{ n: number; code: string }>();
  expect(open!.n).toBeGreaterThanOrEqual(24); // a full first page of the wall

  const sitemap = await (await visit('/sitemap-0.xml')).text();
  weights = [];
  for (const [path, type] of sitemapPages(sitemap)) weights.push(await weigh(path, type));
  weights.push(await weigh('/wall/?category=books', 'wall'));
  weights.push(await weigh(`/wall/${open!.code}`, 'card'));

  // A past campaign's record at its heaviest: every category, the longest thank-you.
  const past = await createCampaign({ schoolId: (await createSchool()).id, status: 'closed', startsAt: new Date(Date.now() - 400 * DAY), claimDeadline: new Date(Date.now() - 350 * DAY), dropoffDeadline: new Date(Date.now() - 340 * DAY) });
  for (const category of CARD_CATEGORIES) await createCard({ campaignId: past.id, category, status: 'school_fulfilled' });
  await env.DB.prepare('UPDATE campaigns SET thank_you = ? WHERE id = ?').bind(chineseText(500, 3), past.id).run();
  const { slug } = (await env.DB.prepare('SELECT slug FROM campaigns WHERE id = ?').bind(past.id).first<{ slug: string }>())!;
  weights.push(await weigh(`/campaigns/${slug}/`, 'content'));
});

describe('page weight by page type', () => {
  it('weighs every page of the sitemap, the wall and a card', () => {
    expect(weights.map((w) => w.type)).toEqual(expect.arrayContaining(['content', 'wall', 'card']));
    expect(weights.length).toBeGreaterThanOrEqual(10);
    console.info(weights.map((w) => `${w.type}\t${w.path}\t${(w.gzip / 1024).toFixed(1)} KB gzip (budget ${PAGE_BUDGETS[w.type] / 1024} KB)`).join('\n'));
  });

  it('keeps every page within its type’s budget', () => {
    const over = weights.filter((w) => w.gzip > PAGE_BUDGETS[w.type]).map((w) => `${w.path}: ${w.gzip} B > ${PAGE_BUDGETS[w.type]} B`);
    expect(over).toEqual([]);
  });

  it('ships no client JavaScript and no web font on any public page', () => {
    expect(weights.filter((w) => w.scripts > 0 || w.webFonts > 0).map((w) => w.path)).toEqual([]);
  });
});
