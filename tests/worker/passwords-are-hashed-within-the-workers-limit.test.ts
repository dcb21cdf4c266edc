import { describe, expect, it } from 'vitest';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword, WORKERS_PBKDF2_LIMIT } from '#worker/platform/auth/password.ts';

describe('coordinator password hashing', () => {
  it('stays within what production Workers accept', () => {
    // Local workerd accepts more; production refuses PBKDF2 above 100,000 and every login would fail.
    expect(WORKERS_PBKDF2_LIMIT).toBe(100_000);
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(WORKERS_PBKDF2_LIMIT);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(100_000);
  });

  it('refuses to make a hash production could not check', async () => {
    await expect(hashPassword('x', WORKERS_PBKDF2_LIMIT + 1)).rejects.toThrow(/production Workers/);
  });

  it('salts every hash and verifies only the right password', async () => {
    const a = await hashPassword('长城-2027-守望');
    const b = await hashPassword('长城-2027-守望');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword('长城-2027-守望', a)).toBe(true);
    expect(await verifyPassword('长城-2027-守望 ', a)).toBe(false);
  });
});
