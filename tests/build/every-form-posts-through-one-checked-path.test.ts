/**
 * Every form that changes something goes through one path: <PostForm> writes
 * the CSRF token into it, site/middleware.ts checks that token, and
 * site/lib/forms.ts is the only code that reads a posted body. A page written
 * any other way could forget the check; this finds it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The modules allowed to do what pages must not. */
const ALLOWED: Record<string, string[]> = {
  'a form posted without <PostForm>': ['site/components/PostForm.astro'],
  'a posted body read outside the form helper': ['site/lib/forms.ts', 'site/lib/csrf.ts'],
};
const RULES: [string, RegExp][] = [
  ['a form posted without <PostForm>', /<form\b[^>]*\bmethod=["']?post/i],
  ['a posted body read outside the form helper', /\brequest(\.clone\(\))?\.(formData|text|json|arrayBuffer|blob)\(|\brequest\.body\b/],
];

async function siteSources(): Promise<string[]> {
  const files = await readdir(path.join(ROOT, 'site'), { recursive: true });
  return files.filter((f) => /\.(ts|astro)$/.test(f) && !f.endsWith('.d.ts')).map((f) => `site/${f}`);
}

describe('forms', () => {
  it('post only through <PostForm> and are read only by the form helper, so none skips the CSRF check', async () => {
    const files = await siteSources();
    expect(files).toContain('site/pages/admin/cards/[code].astro');
    const found: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(ROOT, file), 'utf8');
      for (const [what, pattern] of RULES) if (pattern.test(text) && !ALLOWED[what]!.includes(file)) found.push(`${file}: ${what}`);
    }
    expect(found).toEqual([]);
  });

  it('would catch a page that posts a form by hand', () => {
    const [, pattern] = RULES[0]!;
    expect(pattern.test('<form class="form" method="post" novalidate>')).toBe(true);
    expect(pattern.test('<form class="filters" method="get">')).toBe(false);
  });
});
