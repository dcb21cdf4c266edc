/**
 * Slows password guessing: failures are counted per account and per address
 * (or, for a trusted device, per device cookie) in D1; past a limit within the
 * window, that key is locked for a while. Counted with one upsert per key, so
 * simultaneous failures cannot undercount.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { loginThrottle } from '#worker/platform/db/schema.ts';
import { hashToken } from './token';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
/** Failures allowed per account in a window: a person mistyping, not a script. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures allowed per address: a staff room may share one address. */
export const ADDRESS_FAILURE_LIMIT = 20;

/** Failures allowed with one trusted device cookie: its owner mistyping; a stolen cookie guesses no faster than a stranger. */
export const DEVICE_FAILURE_LIMIT = 5;

/** One failure counter: its key, how many failures lock it, and whether a successful login clears it. */
export interface ThrottleKey {
  key: string;
  limit: number;
  clearedByLogin: boolean;
}

/**
 * The counters that guard a login attempt. An untrusted client: the account's
 * (counted for any username, so a lock reveals nothing) and the address's. A
 * browser with a valid device cookie for this username: only that cookie's, so a
 * stranger locking the account does not lock its owner out (OWASP device cookies).
 */
export async function throttleKeys(username: string, clientAddress: string, deviceNonce?: string): Promise<ThrottleKey[]> {
  // Nonces and addresses are kept hashed: the throttle needs to recognise them, not to know them.
  if (deviceNonce) return [{ key: `device:${(await hashToken(deviceNonce)).slice(0, 32)}`, limit: DEVICE_FAILURE_LIMIT, clearedByLogin: true }];
  return [
    { key: `user:${username.trim().toLowerCase().slice(0, 64)}`, limit: ACCOUNT_FAILURE_LIMIT, clearedByLogin: true },
    // A staff room shares one address: one person's success does not clear the others' failures.
    { key: `addr:${(await hashToken(clientAddress)).slice(0, 32)}`, limit: ADDRESS_FAILURE_LIMIT, clearedByLogin: false },
  ];
}

/** When the attempt may be tried again, if any of its keys is locked now. */
export async function lockedUntil(db: Db, keys: ThrottleKey[], now: Date): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys.map((k) => k.key)));
  const until = rows.map((r) => r.lockedUntil?.getTime() ?? 0).filter((t) => t > now.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

/** The upserts that count one failure against each key (to batch with the audit row). */
export function countFailure(db: Db, keys: ThrottleKey[], now: Date) {
  const t = now.getTime();
  const windowStart = t - THROTTLE_WINDOW_MS;
  return keys.map(({ key, limit }) =>
    db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now, lockedUntil: null })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          // A window that has passed starts over at one failure.
          failures: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN ${t} ELSE ${loginThrottle.windowStartedAt} END`,
          lockedUntil: sql`CASE WHEN ${loginThrottle.windowStartedAt} >= ${windowStart} AND ${loginThrottle.failures} + 1 >= ${limit} THEN ${t + LOCK_MS} ELSE ${loginThrottle.lockedUntil} END`,
        },
      }),
  );
}

/** The delete that forgets the failures a successful login clears (the account's, or the device's). */
export function clearOnLogin(db: Db, keys: ThrottleKey[]) {
  return db.delete(loginThrottle).where(inArray(loginThrottle.key, keys.filter((k) => k.clearedByLogin).map((k) => k.key)));
}
