import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/local-stack';
import { overBudget, weighContentPages } from '../support/page-weight';

describe('content pages arrive in the first round trip', () => {
  it('every built content page is within 14 KB gzip (HTML + CSS), with no script and no web font', async () => {
    const pages = await weighContentPages(path.join(ROOT, 'dist/client'));
    expect(pages.map((p) => p.page)).toEqual(expect.arrayContaining(['/', '/plan/', '/letter/', '/appeal/', '/news/']));
    const problems = Object.fromEntries(pages.map((p) => [p.page, overBudget(p)] as const).filter(([, list]) => list.length > 0));
    expect(problems).toEqual({});
  });
});
