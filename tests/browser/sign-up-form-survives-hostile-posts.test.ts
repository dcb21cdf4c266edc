import { describe, expect, inject, it } from 'vitest';
import { DEMO_COORDINATOR } from '../support/demo/demo-data';

/** How many volunteers the coordinators' API counts: the database as a coordinator sees it. */
async function volunteerTotal(base: string): Promise<number> {
  const login = await fetch(`${base}/api/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '10.200.0.1' },
    body: JSON.stringify({ username: DEMO_COORDINATOR.username, password: DEMO_COORDINATOR.password }),
  });
  const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!;
  const res = await fetch(`${base}/api/admin/volunteers`, { headers: { Cookie: cookie } });
  return ((await res.json()) as { total: number }).total;
}

describe('the sign-up form under hostile input', () => {
  it('answers malformed, oversized, wrong-type and hostile posts with the form and its messages, never a 5xx, and writes nothing', async () => {
    const base = inject('baseUrl');
    const before = await volunteerTotal(base);
    // The form's own token and cookie, as a browser holds them after opening the page.
    const page = await fetch(`${base}/volunteer/`);
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const bodies = [
      '',
      'name=&mobile=&town=',
      `name=${'长'.repeat(10_000)}&mobile=13900000000&town=镇&helpTypes=wish_cards&agreeCode=on&agreePrivacy=on`,
      'name=<script>alert(1)</script>&mobile=1%27%20OR%201=1&town=%00%01&helpTypes=drop%20table&agreeCode=on',
      'helpTypes=wish_cards&helpTypes=wish_cards&helpTypes=events&name[]=x&mobile[a]=1',
      '%E4%ZZ=%FF%FE&name=%C3',
    ];
    for (const body of bodies) {
      const res = await fetch(`${base}/volunteer/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: cookie },
        body: `${body}&_csrf=${token}`,
      });
      expect(res.status, body.slice(0, 40)).toBe(400);
      const html = await res.text();
      expect(html).toContain('请先改正下面的问题');
      // Typed text comes back only inside quoted attributes or escaped; nothing breaks out into markup.
      expect(html.replace(/value="[^"]*"/g, '')).not.toContain('<script');
      expect(html).not.toContain('\u0000');
    }
    const multipart = new FormData();
    multipart.set('name', 'x');
    multipart.set('_csrf', token);
    const res = await fetch(`${base}/volunteer/`, { method: 'POST', headers: { Origin: base, Cookie: cookie }, body: multipart });
    expect(res.status).toBe(400);
    expect(await volunteerTotal(base)).toBe(before);
  });
});
