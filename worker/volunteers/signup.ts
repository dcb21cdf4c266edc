import { eq, sql } from 'drizzle-orm';
import { hashToken, newToken } from '#worker/platform/auth/token.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { volunteerFailure } from './failures';
import { uniqueFailed } from '#worker/platform/db/constraints.ts';
import { signupRepeats, volunteers } from '#worker/platform/db/schema.ts';
import type { VolunteerSignup } from './inputs';
import { auditInsert } from '#worker/audit/index.ts';
import { CODE_OF_CONDUCT_VERSION, PRIVACY_NOTICE_VERSION } from './policies';
import { clientAddress } from '#worker/platform/auth/request-origin.ts';
import { allowHit, signupLimit } from '#worker/platform/rate-limit.ts';

/**
 * A volunteer signs up. A new mobile number makes a pending volunteer; a
 * number already registered makes no second volunteer but a "repeat" with a
 * private link of its own that shows only "received, being checked", so the
 * person typing learns nothing about who is registered. Either way the answer
 * looks the same.
 */

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
    if (!uniqueFailed(err, volunteers.mobile)) throw err;
    const existing = await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.mobile, input.mobile)).get();
    if (!existing) throw err;
    await db.batch([
      db.insert(signupRepeats).values({ volunteerId: existing.id, tokenHash, createdAt: now }),
      auditInsert(db, { actorKind: 'volunteer', actorId: null, action: 'volunteer.signup_repeat', subjectKind: 'volunteer', subjectId: existing.id, at: now }),
    ]);
  }
  return { token };
}

/** Sign-up as both doors run it: the rate limit per address, the honeypot, then signUp(). */

export type SignupOutcome = { ok: true; token: string } | ReturnType<typeof volunteerFailure>;

/** Counts the attempt against the sender's address before anything else. */
export async function signupAllowed(db: Db, env: Env, request: Request): Promise<boolean> {
  const { limit, windowMs } = signupLimit(env);
  const key = `signup:${(await hashToken(clientAddress(request))).slice(0, 32)}`;
  return allowHit(db, key, limit, windowMs);
}


/** A valid sign-up. A filled honeypot gets an answer that looks the same but writes nothing. */
export async function completeSignup(db: Db, input: VolunteerSignup): Promise<SignupOutcome> {
  if (input.website) return { ok: true, token: newToken() };
  return { ok: true, token: (await signUp(db, input)).token };
}
