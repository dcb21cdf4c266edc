import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR, DEMO_SCHOOL, DEMO_VOLUNTEERS } from '../support/demo/demo-data';
import { ROOT } from '../support/local-stack';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('what the build ships to production', () => {
  it('carries no demo data: no demo password, school or volunteers', async () => {
    const files = await filesUnder(path.join(ROOT, 'dist'));
    expect(files.some((f) => f.endsWith('entry.mjs'))).toBe(true);
    const markers = [DEMO_COORDINATOR.password, DEMO_SCHOOL.name, ...DEMO_VOLUNTEERS.map((v) => v.mobile), 'demo-volunteer-'];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const marker of markers) expect(text.includes(marker), `${marker} in ${path.relative(ROOT, file)}`).toBe(false);
    }
  });
});
