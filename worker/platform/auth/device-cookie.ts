/**
 * Device cookies (OWASP Cheat Sheet "Slow down online guessing attacks with
 * device cookies"; issue 13): a browser where a coordinator has logged in gets
 * a cookie naming them and a random nonce, signed with HMAC-SHA-256 under a
 * server secret. With it, that browser is not shut out by the account lock a
 * stranger can trigger; failures made with it lock only that cookie.
 *
 * Value: v1.<username, base64url>.<issued at, unix seconds base36>.<nonce>.<HMAC of everything before it>
 * Never the password; the nonce is counted in login_throttle only as a hash.
 */
import { readCookie, type SiteCookie } from './cookies';
import { LOCAL_DEVICE_SECRET } from './local-device-secret';
import { clientAddress } from './request-origin';
import { newToken } from './token';

/** Trust lasts half a year from the last successful login on the device (each login issues a new cookie). */
export const DEVICE_TRUST_S = 180 * 24 * 60 * 60;
/** Only the login POST needs it, always same-site: Strict. */
export const DEVICE_COOKIE: SiteCookie = { name: 'sw_device', maxAgeS: DEVICE_TRUST_S, sameSite: 'strict' };
/** A shorter secret is treated as missing: 32 characters of `openssl rand -base64 32` give 192+ bits. */
const MIN_SECRET_LENGTH = 32;
const VERSION = 'v1';

export interface DeviceTrust {
  /** The cookie's random nonce: what the device's own failure counter is keyed on. */
  nonce: string;
}

const text = new TextEncoder();
const b64url = (bytes: Uint8Array) => bytes.toBase64({ alphabet: 'base64url', omitPadding: true });
const keys = new Map<string, Promise<CryptoKey>>();
let warned = false;

/**
 * What device trust reads from the Worker's env. Both may be unset (a secret not yet put; SHOUWANG_ENV
 * outside `npm start` and the tests), though the generated Env types them as always present.
 */
type DeviceEnv = Partial<Pick<Env, 'DEVICE_COOKIE_SECRET' | 'SHOUWANG_ENV'>>;

/**
 * The signing key from DEVICE_COOKIE_SECRET, or null when it is unset, too short, or the
 * local-only value where SHOUWANG_ENV is not "local" or "test". Null turns device trust off: logins still
 * work, every client is untrusted (the lock as before issue 13), and the log says why once.
 */
export function deviceKey(env: DeviceEnv): Promise<CryptoKey> | null {
  const secret = env.DEVICE_COOKIE_SECRET ?? '';
  const local = env.SHOUWANG_ENV === 'local' || env.SHOUWANG_ENV === 'test';
  const usable = secret.length >= MIN_SECRET_LENGTH && (secret !== LOCAL_DEVICE_SECRET || local);
  if (!usable) {
    if (!warned) console.warn('DEVICE_COOKIE_SECRET is missing, short or the local value: device cookies are off (see README, production)');
    warned = true;
    return null;
  }
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', text.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

/** A new device cookie value for a coordinator who has just logged in. */
export async function issueDeviceCookie(key: CryptoKey, username: string, now: Date): Promise<string> {
  const payload = [VERSION, b64url(text.encode(username)), Math.floor(now.getTime() / 1000).toString(36), newToken()].join('.');
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, text.encode(payload)));
  return `${payload}.${b64url(signature)}`;
}

/** The trust a cookie gives for this username now: null if absent, forged, altered, another user's or too old. */
export async function verifyDeviceCookie(key: CryptoKey, value: string | undefined, username: string, now: Date): Promise<DeviceTrust | null> {
  const parts = value && value.length <= 400 ? value.split('.') : [];
  if (parts.length !== 5 || parts[0] !== VERSION) return null;
  const [, user, issued, nonce, signature] = parts as [string, string, string, string, string];
  let sent: Uint8Array<ArrayBuffer>;
  try {
    sent = Uint8Array.fromBase64(signature, { alphabet: 'base64url' });
  } catch {
    return null;
  }
  // crypto.subtle.verify compares in constant time.
  if (!(await crypto.subtle.verify('HMAC', key, sent, text.encode(parts.slice(0, 4).join('.'))))) return null;
  if (new TextDecoder().decode(Uint8Array.fromBase64(user, { alphabet: 'base64url' })) !== username) return null;
  const age = now.getTime() / 1000 - parseInt(issued, 36);
  return age >= -300 && age < DEVICE_TRUST_S ? { nonce } : null;
}

/** What a login attempt knows about its client: its address, and its device cookie with the key to check it. */
export interface LoginClient {
  address: string;
  deviceCookie: string | undefined;
  /** Null when device trust is off (no usable secret). */
  deviceKey: CryptoKey | null;
}

/** The login client of a request: the same for the console form and the JSON API. */
export async function loginClient(request: Request, env: DeviceEnv): Promise<LoginClient> {
  return { address: clientAddress(request), deviceCookie: readCookie(request, DEVICE_COOKIE), deviceKey: await deviceKey(env) };
}
