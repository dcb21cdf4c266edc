// The Worker entry (wrangler "main"): one origin for site and API.
import { handle } from '@astrojs/cloudflare/handler';
import { createApp } from './app';

const app = createApp(handle);

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
