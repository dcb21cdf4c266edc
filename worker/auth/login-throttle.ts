/**
 * Slows password guessing: failures are counted per account and per address in
 * D1; past a limit within the window, that key is locked for a while. Counted
 * with one upsert per key, so simultaneous failures cannot undercount.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginThrottle } from '../db/schema';
import { hashToken } from './token';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
/** Failures allowed per account in a window: a person mistyping, not a script. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures allowed per address: a staff room may share one address. */
export const ADDRESS_FAILURE_LIMIT = 20;

export interface ThrottleKeys {
  account: string;
  address: string;
}

/** Keys for a login attempt. Usernames are counted whether or not they exist, so a lock reveals nothing. */
export async function throttleKeys(username: string, clientAddress: string): Promise<ThrottleKeys> {
  return {
    account: `user:${username.trim().toLowerCase().slice(0, 64)}`,
    // The address is kept hashed: the throttle needs to recognise it, not to know it.
    address: `addr:${(await hashToken(clientAddress)).slice(0, 32)}`,
  };
}

/** When the attempt may be tried again, if either key is locked now. */
export async function lockedUntil(db: Db, keys: ThrottleKeys, now: Date): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [keys.account, keys.address]));
  const until = rows.map((r) => r.lockedUntil?.getTime() ?? 0).filter((t) => t > now.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

/** The upserts that count one failure against both keys (to batch with the audit row). */
export function countFailure(db: Db, keys: ThrottleKeys, now: Date) {
  const t = now.getTime();
  const windowStart = t - THROTTLE_WINDOW_MS;
  const upsert = (key: string, limit: number) =>
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
      });
  return [upsert(keys.account, ACCOUNT_FAILURE_LIMIT), upsert(keys.address, ADDRESS_FAILURE_LIMIT)] as const;
}

/** The delete that forgets an account's failures after a successful login. */
export function clearAccount(db: Db, keys: ThrottleKeys) {
  return db.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.account]));
}
