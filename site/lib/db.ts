// Astro's on-demand pages reach D1 the current way (Astro 6+): the env module.
import { env } from 'cloudflare:workers';
import { getDb, type Db } from '#worker/platform/db/client.ts';

export function siteDb(): Db {
  return getDb(env.DB);
}
