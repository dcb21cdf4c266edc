import * as v from 'valibot';

/** True when `s` has no control character at all (for checks on lists of texts). */
export const isPrintable = (s: string) => !/\p{Cc}/u.test(s);

/**
 * No control characters: a pasted NUL or escape sequence is never part of a
 * name, a wish or a place, and SQLite counts a NUL as the end of the text.
 */
export const printable = (message: string) => v.check(isPrintable, message);

/** Like `printable`, but line breaks (already normalised to \n) are allowed. */
export const printableLines = (message: string) => v.regex(/^[^\p{Cc}]*(\n[^\p{Cc}]*)*$/u, message);

/** Windows and old Mac line ends become \n, so `printableLines` sees one kind. */
export const unixLines = v.transform((s: string) => s.replace(/\r\n?/g, '\n'));
