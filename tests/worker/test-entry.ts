// The Worker as the tests see it: the real Hono app, without Astro's site handler.
import { createApp } from '#worker/app.ts';

export default { fetch: createApp().fetch } satisfies ExportedHandler<Env>;
