import { exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '#worker/platform/http/text-size.ts';
import { ORIGIN } from '../support/api-client';

const sw = (query: string) => exports.default.fetch(`${ORIGIN}/text-size?${query}`, { redirect: 'manual' });

describe('the large-text switch (/text-size)', () => {
  it('remembers large text for a year and goes back to the page the reader was on', async () => {
    const res = await sw(`size=large&back=${encodeURIComponent('/wall/?category=books')}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/wall/?category=books');
    expect(res.headers.get('Set-Cookie')).toMatch(/^sw_text=large; Path=\/; HttpOnly; SameSite=Lax; Max-Age=31536000/);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('switching back to standard text forgets the choice', async () => {
    const res = await sw('size=standard&back=/letter/');
    expect(res.headers.get('Location')).toBe('/letter/');
    expect(res.headers.get('Set-Cookie')).toMatch(/^sw_text=; .*Max-Age=0/);
  });

  it('never sends the reader to another site, however the address is written', async () => {
    for (const back of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/.//evil.example', '/\t/evil.example', 'evil.example', '']) {
      const res = await sw(`size=large&back=${encodeURIComponent(back)}`);
      expect(res.headers.get('Location'), JSON.stringify(back)).toBe('/');
    }
  });

  it('whatever it is given, the way back is a path on this site', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `/${s}`), fc.string().map((s) => `//${s}`)), (back) => {
        const path = safeReturnPath(back);
        expect(path.startsWith('/')).toBe(true);
        expect(path.startsWith('//')).toBe(false);
        expect(new URL(path, 'https://school.example').host).toBe('school.example');
      }),
      { numRuns: 2000 },
    );
  });
});
