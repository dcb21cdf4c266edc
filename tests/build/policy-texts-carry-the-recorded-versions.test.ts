import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/local-stack';
import { CODE_OF_CONDUCT_VERSION, PRIVACY_NOTICE_VERSION, RETENTION_DAYS } from '#worker/volunteers/index.ts';
import { PAIRING_CONDUCT_VERSION } from '#worker/pairings/policies.ts';

const frontmatter = async (file: string) => (await readFile(path.join(ROOT, 'content/policies', file), 'utf8')).split('---')[1]!;

describe('the texts volunteers agree to', () => {
  it('carry the versions that sign-ups record', async () => {
    expect(await frontmatter('code-of-conduct.md')).toContain(`version: ${CODE_OF_CONDUCT_VERSION}`);
    expect(await frontmatter('privacy.md')).toContain(`version: ${PRIVACY_NOTICE_VERSION}`);
    expect(await frontmatter('pairing-code-of-conduct.md')).toContain(`version: ${PAIRING_CONDUCT_VERSION}`);
  });

  it('the privacy notice states the retention period the scheduled job enforces', async () => {
    expect(RETENTION_DAYS).toBe(730);
    expect(await readFile(path.join(ROOT, 'content/policies/privacy.md'), 'utf8')).toContain('保存两年');
  });
});
