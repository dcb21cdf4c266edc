/**
 * The site's state-changing forms, found the way a person finds them: by
 * opening the pages as a coordinator, as a volunteer and as a stranger.
 */
import { env } from 'cloudflare:workers';
import type { CanaryCampaign } from './canary-campaign';
import { crawl } from './crawl';
import { coordinator, Visitor, volunteerVisitor } from './site-client';

export interface FoundForm {
  who: Visitor;
  whoName: 'coordinator' | 'volunteer' | 'stranger';
  page: string;
  action: string;
  enctype: string;
  /** Name and value pairs as a browser would send them untouched. */
  fields: [string, string][];
}

/** The hidden fields that carry a form's anti-forgery token. */
export const TOKEN_FIELDS = ['_csrf', '_form'];

/** The POST forms of a page, with the values a browser would send. */
export function postForms(html: string, page: string): Omit<FoundForm, 'who' | 'whoName' | 'page'>[] {
  const out: Omit<FoundForm, 'who' | 'whoName' | 'page'>[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(m[1]!)) continue;
    const action = (m[1]!.match(/action="([^"]*)"/)?.[1] ?? page).replaceAll('&amp;', '&');
    const fields: [string, string][] = [];
    for (const input of m[2]!.matchAll(/<input\b([^>]*)>/g)) {
      const name = input[1]!.match(/name="([^"]+)"/)?.[1];
      if (name) fields.push([name, input[1]!.match(/value="([^"]*)"/)?.[1] ?? 'x']);
    }
    for (const t of m[2]!.matchAll(/<(?:textarea|select)\b[^>]*name="([^"]+)"/g)) fields.push([t[1]!, '测试']);
    out.push({ action, enctype: m[1]!.match(/enctype="([^"]+)"/)?.[1] ?? 'application/x-www-form-urlencoded', fields });
  }
  return out;
}

/** One form of each kind (same action shape, same fields) from every page the three kinds of visitor can open. */
export async function discoverForms(seeded: CanaryCampaign): Promise<FoundForm[]> {
  const first = (sql: string) => env.DB.prepare(sql).first<{ v: string | number }>().then((r) => r!.v);
  const draft = await first("SELECT code AS v FROM cards WHERE status = 'draft' LIMIT 1");
  const open = await first("SELECT code AS v FROM cards WHERE status = 'open' LIMIT 1");
  const pendingClaim = await first("SELECT id AS v FROM claims WHERE status = 'pending' LIMIT 1");
  const pendingVolunteer = await first("SELECT id AS v FROM volunteers WHERE status = 'pending' LIMIT 1");

  const admin = await coordinator();
  const consoleStart = ['/admin/', `/admin/cards/${draft}`, `/admin/cards/${open}`, `/admin/claims/${pendingClaim}`, `/admin/volunteers/${pendingVolunteer}`, '/admin/import/', '/admin/campaign'];
  const consolePages = await crawl(admin, consoleStart, 120, (p) => p.startsWith('/admin/') && !p.includes('logout') && !p.includes('.csv'));
  const a = await volunteerVisitor(seeded.a.token);
  const stranger = new Visitor();
  const open_ = (who: Visitor, path: string) => who.visit(path).then(async (r) => ({ path, text: await r.text() }));
  const sources: [Visitor, FoundForm['whoName'], { path: string; text: string }[]][] = [
    [admin, 'coordinator', consolePages],
    // Cancelling asks first: its form is on the confirmation (/me?cancel=<id>), for A's pending claim.
    [a, 'volunteer', [await open_(a, '/me'), await open_(a, `/me?cancel=${seeded.a.claimIds[0]}`), await open_(a, `/wall/${open}`)]],
    [stranger, 'stranger', [await open_(stranger, '/volunteer/'), await open_(stranger, '/admin/login')]],
  ];

  const seen = new Set<string>();
  const forms: FoundForm[] = [];
  for (const [who, whoName, pages] of sources) {
    for (const page of pages) {
      for (const form of postForms(page.text, page.path)) {
        const key = `${whoName} ${form.action.replace(/\/[A-Z0-9]{5}\b|\/\d+\b/g, '/:x')} ${form.fields.map(([k, v]) => (k === '_action' || k === 'action' ? `${k}=${v}` : k)).sort().join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        forms.push({ who, whoName, page: page.path, ...form });
      }
    }
  }
  return forms;
}
