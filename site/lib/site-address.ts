/**
 * The one rule for an address that goes onto paper (the letter's QR code, a gift label's QR code):
 * the site's configured address (astro.config `site`, from SITE_URL in a production build, which
 * refuses a placeholder), never the host a request happened to arrive on. A label printed from a
 * preview or a workers.dev address still leads the school gate to the real site.
 */
export function printedAddress(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro.config has no site: printed addresses need the site’s address');
  return new URL(path, site).href;
}
