/**
 * A volunteer signs up. A new mobile number makes a pending volunteer; a
 * number already registered makes no second volunteer but a "repeat" with a
 * private link of its own that shows only "received, being checked", so the
 * person typing learns nothing about who is registered. Either way the answer
 * looks the same.
 */
import { eq, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../auth/token';
import type { Db } from '../db/client';
import { signupRepeats, volunteers } from '../db/schema';
import type { VolunteerSignup } from '../schemas/volunteer';
import { auditInsert } from './audit';
import { CODE_OF_CONDUCT_VERSION, PRIVACY_NOTICE_VERSION } from './volunteer-policies';

export interface SignupResult {
  /** The private link's token: shown once, never stored. */
  token: string;
}

export async function signUp(db: Db, input: VolunteerSignup, now = new Date()): Promise<SignupResult> {
  const token = newToken();
  const tokenHash = await hashToken(token);
  try {
    await db.batch([
      db.insert(volunteers).values({
        name: input.name,
        mobile: input.mobile,
        email: input.email,
        town: input.town,
        helpTypes: JSON.stringify(input.helpTypes),
        availability: input.availability,
        note: input.note,
        status: 'pending',
        agreedCodeVersion: CODE_OF_CONDUCT_VERSION,
        agreedPrivacyVersion: PRIVACY_NOTICE_VERSION,
        agreedAt: now,
        accessTokenHash: tokenHash,
        lastActiveAt: now,
        createdAt: now,
      }),
      // The audit row names the new volunteer by id, found through the token's hash (never the token).
      auditInsert(db, {
        actorKind: 'volunteer',
        actorId: null,
        action: 'volunteer.signup',
        subjectKind: 'volunteer',
        subjectId: sql`(SELECT id FROM volunteers WHERE access_token_hash = ${tokenHash})`,
        at: now,
      }),
    ]);
  } catch (err) {
    const messages: string[] = [];
    for (let e: unknown = err; e instanceof Error; e = e.cause) messages.push(e.message);
    if (!messages.join(' ').includes('volunteers.mobile')) throw err;
    const existing = await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.mobile, input.mobile)).get();
    if (!existing) throw err;
    await db.batch([
      db.insert(signupRepeats).values({ volunteerId: existing.id, tokenHash, createdAt: now }),
      auditInsert(db, { actorKind: 'volunteer', actorId: null, action: 'volunteer.signup_repeat', subjectKind: 'volunteer', subjectId: existing.id, at: now }),
    ]);
  }
  return { token };
}
