/**
 * Coordinator login and logout. Each outcome is written with its audit row in
 * one D1 batch; the answer never says whether a username exists.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { issueDeviceCookie, verifyDeviceCookie, type LoginClient } from '#worker/platform/auth/device-cookie.ts';
import { clearOnLogin, countFailure, lockedUntil, throttleKeys } from '#worker/platform/auth/login-throttle.ts';
import { hashPassword, verifyPassword, type PasswordHash } from '#worker/platform/auth/password.ts';
import { endSession, newSession, type CoordinatorSession } from '#worker/platform/auth/session.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { consoleFailure } from './failures';
import { coordinators } from '#worker/platform/db/schema.ts';
import type { LoginInput } from './inputs';
import { auditInsert } from '#worker/audit/index.ts';

export type LoginResult =
  | {
      ok: true;
      token: string;
      /** A fresh device cookie for this browser, or null when device trust is off. */
      deviceCookie: string | null;
      coordinator: { id: number; username: string; displayName: string };
    }
  | (ReturnType<typeof consoleFailure<'invalid_credentials'>> & { reason: 'invalid' })
  | (ReturnType<typeof consoleFailure<'too_many_attempts'>> & { reason: 'locked'; retryAt: Date });

// An unknown username still costs one PBKDF2, so timing does not tell it apart.
let decoy: Promise<PasswordHash> | undefined;

/**
 * Checks a username and password, within the throttle, and opens a session on success.
 * A valid device cookie for this username swaps the account and address locks for the cookie's own.
 */
export async function logIn(db: Db, input: LoginInput, client: LoginClient, now = new Date()): Promise<LoginResult> {
  const { deviceKey } = client;
  const trust = deviceKey ? await verifyDeviceCookie(deviceKey, client.deviceCookie, input.username, now) : null;
  const keys = await throttleKeys(input.username, client.address, trust?.nonce);
  const retryAt = await lockedUntil(db, keys, now);
  const row = await db
    .select({
      id: coordinators.id,
      username: coordinators.username,
      displayName: coordinators.displayName,
      hash: coordinators.passwordHash,
      salt: coordinators.passwordSalt,
      iterations: coordinators.passwordIterations,
    })
    .from(coordinators)
    .where(and(eq(coordinators.username, input.username), isNull(coordinators.disabledAt)))
    .get();
  const failure = (reason: 'locked' | 'invalid') => {
    const detail = trust ? { reason, device: 'trusted' } : { reason };
    return auditInsert(db, { actorKind: 'system', actorId: null, action: 'login.failed', subjectKind: 'coordinator', subjectId: row?.id ?? null, detail, at: now });
  };

  if (retryAt) {
    await db.batch([failure('locked')]);
    return { ...consoleFailure('too_many_attempts', { message: waitMessage(retryAt, now) }), reason: 'locked', retryAt };
  }
  decoy ??= hashPassword('decoy-password-for-timing');
  const matches = row ? await verifyPassword(input.password, row) : (await verifyPassword(input.password, await decoy), false);
  if (!row || !matches) {
    await db.batch([failure('invalid'), ...countFailure(db, keys, now)]);
    return { ...consoleFailure('invalid_credentials'), reason: 'invalid' };
  }
  const session = await newSession(db, row.id, now);
  await db.batch([
    session.insert,
    clearOnLogin(db, keys),
    auditInsert(db, { actorKind: 'coordinator', actorId: row.id, action: 'login', subjectKind: 'coordinator', subjectId: row.id, at: now }),
  ]);
  // Each success gives the browser a new cookie (new nonce, new date): trust is renewed, old counters left to expire.
  const deviceCookie = deviceKey ? await issueDeviceCookie(deviceKey, row.username, now) : null;
  return { ok: true, token: session.token, deviceCookie, coordinator: { id: row.id, username: row.username, displayName: row.displayName } };
}

/** Ends a session, with its audit row. */
export async function logOut(db: Db, session: CoordinatorSession, now = new Date()): Promise<void> {
  await db.batch([
    endSession(db, session.sessionId),
    auditInsert(db, { actorKind: 'coordinator', actorId: session.coordinatorId, action: 'logout', subjectKind: 'coordinator', subjectId: session.coordinatorId, at: now }),
  ]);
}

/** How long a locked sign-in must wait, in whole minutes. */
function waitMessage(retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return `尝试次数太多，请 ${minutes} 分钟后再试。`;
}
