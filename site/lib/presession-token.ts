/**
 * A token for forms filled in before anyone is signed in (coordinator login,
 * volunteer sign-up): double-submitted as a cookie and a hidden field, so a
 * page on another site cannot post the form in a visitor's name even where a
 * browser leaves out the Origin header.
 */
import type { SiteCookie } from '#worker/platform/auth/cookies.ts';
import { sameSecret } from '#worker/platform/auth/request-origin.ts';
import { newToken } from '#worker/platform/auth/token.ts';
import type { PageCookies } from './cookies';

export interface PresessionToken {
  /** The value to put in the form's hidden field. */
  value: string;
  /** True when the posted field matches this visitor's cookie. */
  matches(posted: FormDataEntryValue | null | undefined): boolean;
  /** Issues a new token (after a mismatch or a successful post). */
  renew(): void;
}

/** The token this visitor holds for one form (a new one if none). Path=/ as __Host- requires. */
export function presessionToken(cookies: PageCookies, cookie: SiteCookie): PresessionToken {
  const held = cookies.get(cookie);
  const token: PresessionToken = {
    value: held ?? '',
    matches: (posted) => !!held && sameSecret(posted?.toString(), held),
    renew: () => {
      token.value = newToken();
      cookies.set(cookie, token.value);
    },
  };
  if (!held) token.renew();
  return token;
}
