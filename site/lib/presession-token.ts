/**
 * A token for forms filled in before anyone is signed in (coordinator login,
 * volunteer sign-up): double-submitted as a cookie and a hidden field, so a
 * page on another site cannot post the form in a visitor's name even where a
 * browser leaves out the Origin header.
 */
import type { AstroCookies } from 'astro';
import { sameSecret } from '../../worker/auth/request-origin';
import { newToken } from '../../worker/auth/token';

export interface PresessionToken {
  /** The value to put in the form's hidden field. */
  value: string;
  /** True when the posted field matches this visitor's cookie. */
  matches(posted: FormDataEntryValue | null | undefined): boolean;
  /** Issues a new token (after a mismatch or a successful post). */
  renew(): void;
}

export function presessionToken(cookies: AstroCookies, name: string, path: string, secure: boolean): PresessionToken {
  const held = cookies.get(name)?.value;
  const token: PresessionToken = {
    value: held ?? '',
    matches: (posted) => !!held && sameSecret(posted?.toString(), held),
    renew: () => {
      token.value = newToken();
      cookies.set(name, token.value, { path, httpOnly: true, sameSite: 'lax', secure });
    },
  };
  if (!held) token.renew();
  return token;
}
