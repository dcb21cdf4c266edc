/**
 * Cross-site request checks for state-changing requests. Browsers send Origin
 * (and Sec-Fetch-Site) with every POST; a request that says it comes from
 * another site is refused before anything is read or written.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get('Sec-Fetch-Site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('Origin');
  if (origin === null) return false;
  return origin !== new URL(request.url).origin;
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The client's address as Cloudflare reports it; only ever stored hashed. */
export function clientAddress(request: Request): string {
  return request.headers.get('CF-Connecting-IP') ?? 'unknown';
}
