/**
 * fast-check generators for what a careless or hostile client sends: wrong
 * types, huge and empty strings, control characters, lone surrogates and
 * direction overrides (alone and inside plausible values), SQL and HTML
 * fragments, and bodies that are not what they claim to be.
 */
import fc from 'fast-check';

/** What an answer must never show: a stack frame, SQL, or the database's own words. */
export const INTERNALS = /\bat \w[\w.]* \(|\.ts:\d+|\.mjs:\d+|SQLITE_|D1_ERROR|no such (table|column)|constraint failed|\bSELECT\b[\s\S]*\bFROM\b|\bINSERT INTO\b/i;

/** Strings chosen to break naive code: injection, markup, encodings, numbers in disguise. */
const NASTY = [
  "' OR 1=1 --",
  "'); DROP TABLE cards; --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</textarea><h1>x</h1>',
  '\u0000',
  '\u202e\u200b\ufeff',
  '\ud800',
  // Broken characters: lone halves of a pair, a pair reversed, an emoji cut in half.
  '\udfff',
  '\udc00\ud800',
  '王小\ud83d',
  'REG-2026-\udc01',
  // Direction marks, overrides and isolates inside otherwise plausible one-line values.
  '王\u202e三',
  '\u2066REG-2026-77\u2069',
  '青石镇\u200f',
  '\u061c13912340000',
  '\u202dx@example.org\u202c',
  '%00%ff',
  '../../../etc/passwd',
  '{{7*7}}${7*7}',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '-1',
  '0x1F',
  '2026-02-30',
  '９',
  '张'.repeat(3000),
  ' \t\r\n ',
];

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 40 });

/** Characters the text rules refuse: a lone surrogate anywhere, a direction mark on one line. */
const BROKEN_OR_DIRECTION = ['\ud800', '\udbff', '\udc00', '\udfff', '\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

/** Plain text that would pass, with one refused character slipped in somewhere. */
const slippedIn = fc
  .tuple(fc.string({ unit: fc.constantFrom(...'王小雨青石镇想要书REG-2026x@.org0123456789 '), minLength: 1, maxLength: 12 }), fc.constantFrom(...BROKEN_OR_DIRECTION), fc.nat())
  .map(([text, bad, at]) => text.slice(0, at % (text.length + 1)) + bad + text.slice(at % (text.length + 1)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  codeUnits,
  slippedIn,
  fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\r', '\n', '\t'), maxLength: 10 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);

/** A value of any JSON type, hostile strings included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
);

/** Every field name the site's inputs know, and some it does not. */
export const FIELD_NAMES = [
  'alias', 'age', 'gradeBand', 'category', 'wish', 'sizeNote', 'handoutRef', 'consentOn', 'consentMethod', 'notes', 'reason',
  'name', 'mobile', 'email', 'town', 'helpTypes', 'availability', 'note', 'agreeCode', 'agreePrivacy', 'website',
  'username', 'password', 'fileBase64', 'summary', 'startsOn', 'claimDeadline', 'dropoffDeadline', 'dropoffPlace',
  'valueGuide', 'claimCap', 'approveWithinDays', 'deliverWithinDays', 'villageNames', 'status', 'id', 'code',
  '__proto__', 'constructor', 'role', 'isAdmin', 'volunteerId', 'campaignId',
];

/** A JSON object with known and unknown keys holding anything. */
export const hostileObject = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), hostileValue, { maxKeys: 12 });

/** A request body and the Content-Type it claims. */
export interface HostileBody {
  type: string | null;
  body: string | Uint8Array<ArrayBuffer>;
}

export const hostileJsonBody: fc.Arbitrary<HostileBody> = fc.oneof(
  { weight: 5, arbitrary: hostileObject.map((o) => ({ type: 'application/json', body: JSON.stringify(o) })) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => ({ type: 'application/json', body: JSON.stringify(v) ?? 'null' })) },
  // Cut short, not JSON at all, or bytes that are not UTF-8.
  { weight: 1, arbitrary: hostileObject.chain((o) => { const s = JSON.stringify(o); return fc.nat({ max: s.length }).map((n) => ({ type: 'application/json', body: s.slice(0, n) })); }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => ({ type: 'application/json', body: new Uint8Array(b) })) },
  { weight: 1, arbitrary: fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data', 'application/json; charset=gbk', null).chain((type) => hostileString.map((s) => ({ type, body: s }))) },
);

/** A path segment where an id or a card code belongs. */
export const hostileSegment = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', '99999999999', '%00', '%FF', '..', 'null', 'A1B2C', 'ZZZZZ', '1%20OR%201=1', '%3Cscript%3E'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);

/** A query string of known and unknown parameters. */
export const hostileQuery = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom('page', 'category', 'age', 'gradeBand', 'status', 'queue', 'q', 'from', 'to', 'action'), fc.string({ maxLength: 6 })), hostileString), { maxLength: 4 })
  .map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k, v.slice(0, 3000)])).toString());

/**
 * A valid body with some fields dropped, some replaced by hostile values and
 * some extra ones added: gets past the first checks and into the deeper ones.
 */
export function nearlyValid(template: Record<string, unknown>): fc.Arbitrary<HostileBody> {
  const keys = Object.keys(template);
  return fc
    .record({
      drop: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
      replace: fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(hostileValue, hostileString)), { maxLength: 3 }),
      extra: fc.dictionary(fc.constantFrom(...FIELD_NAMES), hostileValue, { maxKeys: 2 }),
    })
    .map(({ drop, replace, extra }) => {
      const body: Record<string, unknown> = { ...extra, ...template };
      for (const k of drop) delete body[k];
      for (const [k, v] of replace) body[k] = v;
      return { type: 'application/json', body: JSON.stringify(body) };
    });
}
