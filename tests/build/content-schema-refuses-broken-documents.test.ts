import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/local-stack';

/** Runs `astro sync` (the content step every build starts with) over a folder of documents. */
function syncContent(contentDir: string) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
    cwd: ROOT,
    env: { ...process.env, SHOUWANG_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('content documents are checked at build time', () => {
  it('refuses a news item with a missing summary and a broken date, naming the file and both fields', () => {
    const { status, output } = syncContent('./tests/fixtures/content-broken-news');
    expect(status).not.toBe(0);
    expect(output).toContain('content-broken-news/news/broken-item.md');
    expect(output).toMatch(/summary\W+.*Required/);
    expect(output).toMatch(/date\W+.*date/);
  });

  it('refuses a letter whose contact phone is not a phone number, naming the nested field', () => {
    const { status, output } = syncContent('./tests/fixtures/content-broken-letter');
    expect(status).not.toBe(0);
    expect(output).toContain('content-broken-letter/letters/broken-letter.md');
    expect(output).toMatch(/contacts\.1\.phone/);
    expect(output).toContain('电话格式应为区号-号码');
  });

  // Last, so the generated .astro/ state ends on the real content.
  it('accepts the published content', () => {
    const { status, output } = syncContent('./content');
    expect(output).not.toMatch(/does not match collection schema/);
    expect(status).toBe(0);
  });
});
