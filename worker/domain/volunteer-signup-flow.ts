/** Sign-up as both doors run it: the rate limit per address, the honeypot, then signUp(). */
import { clientAddress } from '../auth/request-origin';
import { hashToken, newToken } from '../auth/token';
import type { Db } from '../db/client';
import type { VolunteerSignup } from '../schemas/volunteer';
import { allowHit, signupLimit } from './rate-limit';
import { signUp } from './volunteer-signup';

export type SignupOutcome = { ok: true; token: string } | { ok: false; code: 'rate_limited'; message: string };

/** Counts the attempt against the sender's address before anything else. */
export async function signupAllowed(db: Db, env: Env, request: Request): Promise<boolean> {
  const { limit, windowMs } = signupLimit(env);
  const key = `signup:${(await hashToken(clientAddress(request))).slice(0, 32)}`;
  return allowHit(db, key, limit, windowMs);
}

export const RATE_LIMITED_MESSAGE = '这个网络刚刚提交了很多次报名，请过十几分钟再试，或者打电话给学校报名。';

/** A valid sign-up. A filled honeypot gets an answer that looks the same but writes nothing. */
export async function completeSignup(db: Db, input: VolunteerSignup): Promise<SignupOutcome> {
  if (input.website) return { ok: true, token: newToken() };
  return { ok: true, token: (await signUp(db, input)).token };
}
