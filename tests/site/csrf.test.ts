/**
 * Every state-changing form the site shows (found by crawling it as a
 * coordinator, as a volunteer and as a stranger) refuses a post without its
 * token and a post from another site, and writes nothing either way.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCanaryCampaign } from './canaries';
import { crawl } from './crawl';
import { databaseDigest } from './db-digest';
import { coordinator, Visitor, volunteerVisitor } from './site-client';

interface FoundForm {
  who: Visitor;
  whoName: string;
  page: string;
  action: string;
  fields: [string, string][];
}

const TOKEN_FIELDS = ['_csrf', '_form'];

/** The POST forms of a page, with the values a browser would send. */
function postForms(html: string, page: string): { action: string; fields: [string, string][] }[] {
  const out: { action: string; fields: [string, string][] }[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(m[1]!)) continue;
    const action = (m[1]!.match(/action="([^"]*)"/)?.[1] ?? page).replaceAll('&amp;', '&');
    const fields: [string, string][] = [];
    for (const input of m[2]!.matchAll(/<input\b([^>]*)>/g)) {
      const name = input[1]!.match(/name="([^"]+)"/)?.[1];
      if (name) fields.push([name, input[1]!.match(/value="([^"]*)"/)?.[1] ?? 'x']);
    }
    for (const t of m[2]!.matchAll(/<(?:textarea|select)\b[^>]*name="([^"]+)"/g)) fields.push([t[1]!, '测试']);
    out.push({ action, fields });
  }
  return out;
}

const forms: FoundForm[] = [];

beforeAll(async () => {
  const seeded = await seedCanaryCampaign();
  const draft = await env.DB.prepare("SELECT code FROM cards WHERE status = 'draft' LIMIT 1").first<{ code: string }>();
  const open = await env.DB.prepare("SELECT code FROM cards WHERE status = 'open' LIMIT 1").first<{ code: string }>();
  const pendingClaim = await env.DB.prepare("SELECT id FROM claims WHERE status = 'pending' LIMIT 1").first<{ id: number }>();
  const pendingVolunteer = await env.DB.prepare("SELECT id FROM volunteers WHERE status = 'pending' LIMIT 1").first<{ id: number }>();

  const admin = await coordinator();
  const consolePages = await crawl(admin, ['/admin/', `/admin/cards/${draft!.code}`, `/admin/cards/${open!.code}`, `/admin/claims/${pendingClaim!.id}`, `/admin/volunteers/${pendingVolunteer!.id}`, '/admin/import/', '/admin/campaign'], 120, (p) => p.startsWith('/admin/') && !p.includes('logout') && !p.includes('.csv'));
  const a = await volunteerVisitor(seeded.a.token);
  const sources: [Visitor, string, { path: string; text: string }[]][] = [
    [admin, 'coordinator', consolePages],
    [a, 'volunteer', [{ path: '/me', text: await (await a.visit('/me')).text() }, { path: `/wall/${open!.code}`, text: await (await a.visit(`/wall/${open!.code}`)).text() }]],
    [new Visitor(), 'stranger', []],
  ];
  const stranger = sources[2]![0];
  for (const path of ['/volunteer/', '/admin/login']) sources[2]![2].push({ path, text: await (await stranger.visit(path)).text() });

  const seen = new Set<string>();
  for (const [who, whoName, pages] of sources) {
    for (const page of pages) {
      for (const form of postForms(page.text, page.path)) {
        // One form of each kind: same action shape and same fields.
        const key = `${whoName} ${form.action.replace(/\/[A-Z0-9]{5}\b|\/\d+\b/g, '/:x')} ${form.fields.map(([k, v]) => (k === '_action' || k === 'action' ? `${k}=${v}` : k)).sort().join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        forms.push({ who, whoName, page: page.path, ...form });
      }
    }
  }
  console.info(`csrf: ${forms.length} distinct state-changing forms found`);
});

describe('every state-changing form', () => {
  it('was found: the console’s, the volunteer’s and the public ones', () => {
    expect(forms.length).toBeGreaterThanOrEqual(15);
    expect(new Set(forms.map((f) => f.whoName))).toEqual(new Set(['coordinator', 'volunteer', 'stranger']));
    for (const f of forms) expect(f.fields.some(([k]) => TOKEN_FIELDS.includes(k)), `${f.action} has no token`).toBe(true);
  });

  it('refuses a post without its token and writes nothing', async () => {
    for (const f of forms) {
      const before = await databaseDigest();
      const res = await f.who.postForm(f.action, new URLSearchParams(f.fields.filter(([k]) => !TOKEN_FIELDS.includes(k))));
      expect(res.status, `${f.whoName} ${f.action} ${f.fields.map(([k]) => k).join(',')}`).toBe(403);
      expect(await databaseDigest(), f.action).toEqual(before);
    }
  });

  it('refuses a post from another site, token and all, and writes nothing', async () => {
    for (const f of forms) {
      const before = await databaseDigest();
      const res = await f.who.postForm(f.action, new URLSearchParams(f.fields), 'https://evil.example');
      expect(res.status, `${f.whoName} ${f.action}`).toBe(403);
      expect(await databaseDigest(), f.action).toEqual(before);
    }
  });

  it('accepts the same form with its token from this site (so the refusals above are not an accident)', async () => {
    const cancel = forms.find((f) => f.whoName === 'volunteer' && f.action === '/me' && f.fields.some(([k, v]) => k === '_action' && v === 'cancel'))!;
    const res = await cancel.who.postForm(cancel.action, new URLSearchParams(cancel.fields));
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/me?done=cancel');
  });
});
