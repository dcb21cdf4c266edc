/**
 * Coordinator sessions: a random token in an HttpOnly cookie, stored only as
 * its SHA-256, with an idle limit and an absolute limit.
 */
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { coordinatorSessions, coordinators } from '#worker/platform/db/schema.ts';
import type { SiteCookie } from './cookies';
import { hashToken, newToken } from './token';

/** A school desktop left unattended logs itself out after two quiet hours. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** However active, a session ends after twelve hours: one working day. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** The session's cookie (named and secured by worker/platform/auth/cookies.ts). */
export const SESSION_COOKIE: SiteCookie = { name: 'sw_admin', maxAgeS: SESSION_ABSOLUTE_MS / 1000 };
/** Activity is written back at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface CoordinatorSession {
  sessionId: number;
  coordinatorId: number;
  username: string;
  displayName: string;
  csrfToken: string;
}

/** The insert for a new session (to batch with its audit row) and the token for the cookie. */
export async function newSession(db: Db, coordinatorId: number, now: Date) {
  const token = newToken();
  const csrfToken = newToken();
  const insert = db.insert(coordinatorSessions).values({
    tokenHash: await hashToken(token),
    coordinatorId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
  return { token, csrfToken, insert };
}

/** The live session a cookie token belongs to, or null when unknown, idle too long, expired or disabled. */
export async function readSession(db: Db, token: string | undefined, now: Date): Promise<CoordinatorSession | null> {
  if (!token || token.length > 200) return null;
  const row = await db
    .select({
      sessionId: coordinatorSessions.id,
      coordinatorId: coordinators.id,
      username: coordinators.username,
      displayName: coordinators.displayName,
      csrfToken: coordinatorSessions.csrfToken,
      lastSeenAt: coordinatorSessions.lastSeenAt,
    })
    .from(coordinatorSessions)
    .innerJoin(coordinators, eq(coordinators.id, coordinatorSessions.coordinatorId))
    .where(
      and(
        eq(coordinatorSessions.tokenHash, await hashToken(token)),
        gt(coordinatorSessions.expiresAt, now),
        gt(coordinatorSessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        isNull(coordinators.disabledAt),
      ),
    )
    .get();
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(coordinatorSessions).set({ lastSeenAt: now }).where(eq(coordinatorSessions.id, row.sessionId));
  }
  const { lastSeenAt: _seen, ...session } = row;
  return session;
}

/** The delete that ends a session. */
export function endSession(db: Db, sessionId: number) {
  return db.delete(coordinatorSessions).where(eq(coordinatorSessions.id, sessionId));
}

/** Removes sessions past either limit (run by the scheduled job). */
export async function purgeSessions(db: Db, now: Date): Promise<void> {
  await db
    .delete(coordinatorSessions)
    .where(
      or(
        lt(coordinatorSessions.expiresAt, now),
        lt(coordinatorSessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
      ),
    );
}
