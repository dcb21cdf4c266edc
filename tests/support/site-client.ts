/**
 * How the site tests talk to the built Worker: requests through its fetch
 * handler (same code path as production, no network), a small cookie jar,
 * and the coordinator's and volunteers' ways in.
 */
import { exports } from 'cloudflare:workers';
import { ORIGIN } from './api-client';
import { createCoordinator, type TestCoordinator } from './factories';

export { ORIGIN };

/** The same site as served in production, over HTTPS (where cookies take the __Host- prefix). */
export const HTTPS_ORIGIN = ORIGIN.replace(/^http:/, 'https:');

/** One request to the Worker; redirects are returned, not followed. */
export function visit(path: string, init: RequestInit = {}, origin = ORIGIN): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, origin), { redirect: 'manual', ...init }));
}

/** Cookies as a browser would keep them for this one origin. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Reads every Set-Cookie of a response (an empty value, Max-Age=0 or an expiry in 1970 deletes). */
  keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get size(): number {
    return this.cookies.size;
  }

  /** One cookie's value, if kept. */
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** A visitor: visits with its cookies and keeps what the site sets. */
export class Visitor {
  readonly jar = new CookieJar();

  constructor(readonly origin = ORIGIN) {}

  async visit(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('Cookie', this.jar.header());
    const res = await visit(path, { ...init, headers }, this.origin);
    this.jar.keep(res);
    return res;
  }

  /** Posts a form the way a browser on this site does: same Origin, urlencoded. */
  postForm(path: string, fields: Record<string, string> | URLSearchParams, origin = this.origin): Promise<Response> {
    return this.visit(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
      body: new URLSearchParams(fields).toString(),
    });
  }

  postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.visit(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: this.origin, ...headers }, body: JSON.stringify(body) });
  }
}

let loginIp = 0;

/** A coordinator made for the test (or the one given), signed in through the API (the session cookie serves pages too). */
export async function coordinator(account?: TestCoordinator): Promise<Visitor> {
  const { username, password } = account ?? (await createCoordinator());
  const who = new Visitor();
  // A fresh client address per login keeps the login throttle out of the way of the tests.
  const res = await who.postJson('/api/admin/login', { username, password }, { 'CF-Connecting-IP': `10.77.${++loginIp}.1` });
  if (res.status !== 200) throw new Error(`coordinator login failed: ${res.status} ${await res.text()}`);
  return who;
}

/** A volunteer, signed in by opening their private link (which sets the page cookie). */
export async function volunteerVisitor(token: string): Promise<Visitor> {
  const who = new Visitor();
  const res = await who.visit(`/v/${token}`);
  if (res.status !== 200 || who.jar.size === 0) throw new Error(`private link did not sign in: ${res.status}`);
  return who;
}

/** The hidden `_csrf` value a page's form carries. */
export function csrfOf(html: string): string {
  const m = html.match(/name="_csrf"[^>]*value="([^"]+)"/) ?? html.match(/value="([^"]+)"[^>]*name="_csrf"/);
  if (!m) throw new Error('no _csrf field on the page');
  return m[1]!;
}
