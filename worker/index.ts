// The Worker entry (wrangler "main"): one origin for site and API, plus the scheduled jobs.
import { handle } from '@astrojs/cloudflare/handler';
import { createApp } from './app';
import { runScheduledJobs } from './scheduled';

const app = createApp(handle);

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      runScheduledJobs(env, new Date(controller.scheduledTime)).then((reports) => {
        // Every job has run; a failed one marks the invocation failed, so the dashboard shows it.
        const failed = reports.filter((r) => !r.ok).map((r) => r.name);
        if (failed.length) throw new Error(`scheduled jobs failed: ${failed.join(', ')}`);
      }),
    );
  },
} satisfies ExportedHandler<Env>;
