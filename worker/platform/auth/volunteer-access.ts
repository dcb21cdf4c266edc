/**
 * A volunteer's access without a password: the private link's token, carried
 * afterwards in an HttpOnly cookie (pages) or an Authorization: Bearer header
 * (API). Only the token's SHA-256 is stored.
 */
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '#worker/platform/db/client.ts';
import { signupRepeats, volunteers } from '#worker/platform/db/schema.ts';
import { readCookie, type SiteCookie } from './cookies';
import { hashToken } from './token';

/** A year, set again each time the private link is opened (the data itself is kept two years after the last activity). */
export const VOLUNTEER_COOKIE: SiteCookie = { name: 'sw_vol', maxAgeS: 365 * 24 * 60 * 60 };
const DAY_MS = 24 * 60 * 60 * 1000;

export type VolunteerAccess = { kind: 'volunteer'; volunteerId: number } | { kind: 'repeat' };

/** Whom a token opens the door for, or null. Visits keep the retention clock running (at most one write a day). */
export async function volunteerAccess(db: Db, token: string | undefined, now = new Date()): Promise<VolunteerAccess | null> {
  if (!token || token.length < 20 || token.length > 200) return null;
  const hash = await hashToken(token);
  const row = await db
    .select({ id: volunteers.id, lastActiveAt: volunteers.lastActiveAt })
    .from(volunteers)
    .where(and(eq(volunteers.accessTokenHash, hash), isNull(volunteers.erasedAt)))
    .get();
  if (row) {
    if (now.getTime() - row.lastActiveAt.getTime() > DAY_MS) {
      await db.update(volunteers).set({ lastActiveAt: now }).where(and(eq(volunteers.id, row.id), lt(volunteers.lastActiveAt, now)));
    }
    return { kind: 'volunteer', volunteerId: row.id };
  }
  const repeat = await db.select({ id: signupRepeats.id }).from(signupRepeats).where(eq(signupRepeats.tokenHash, hash)).get();
  return repeat ? { kind: 'repeat' } : null;
}

/** The token a request carries: Bearer first (API), then the cookie (pages). */
export function volunteerToken(request: Request): string | undefined {
  const auth = request.headers.get('Authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return readCookie(request, VOLUNTEER_COOKIE);
}

/**
 * The hidden form token for a volunteer's state-changing forms (claim, cancel,
 * delivered): derived from their private token, so another site cannot know it.
 */
export async function volunteerFormToken(token: string): Promise<string> {
  return (await hashToken(`form:${token}`)).slice(0, 32);
}
