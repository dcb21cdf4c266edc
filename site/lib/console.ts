/** Shared names for the console's pages. */
export const LOGIN_PATH = '/admin/login';

/** Only same-site console paths may be a post-login destination (no open redirect). */
export function safeNext(next: string | null): string {
  return next && /^\/admin(\/[\w\-/.?=&%]*)?$/.test(next) && !next.startsWith('//') ? next : '/admin/';
}
