/**
 * Addresses no search engine or share card should carry: a volunteer's private link (/v/…, its
 * address is the key), their page and gift labels (/me…), the console (/admin…), and the API.
 * One list for the headers, the page layouts, the sitemap and robots.txt.
 */
const PRIVATE_PAGES = /^\/(admin|v|me)(\/|$)/;
const API = /^\/api(\/|$)/;

/** Someone's own page or the console's: never cached, never indexed, no canonical address or og:url. */
export const isPrivatePage = (path: string) => PRIVATE_PAGES.test(path);

/** Private pages and the API: kept out of the sitemap and out of search engines. */
export const isHiddenFromSearch = (path: string) => isPrivatePage(path) || API.test(path);

/** What robots are told (meta tag and X-Robots-Tag header) about a hidden address. */
export const NOINDEX = 'noindex, nofollow';

/**
 * robots.txt's Disallow prefixes, covering exactly the hidden addresses ("/v/", not "/v", which
 * would also hide /volunteer/); the site tests check every sitemap address stays allowed.
 */
export const ROBOTS_DISALLOW = ['/admin', '/api/', '/v/', '/me'] as const;
