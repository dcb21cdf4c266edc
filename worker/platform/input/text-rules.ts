import * as v from 'valibot';

/**
 * Half of a UTF-16 pair without its other half (JSON can carry "\ud800"). D1 stores it as bytes
 * that are not UTF-8, which exports, backups and other tools then cannot read.
 */
const LONE_SURROGATE = /\p{Cs}/u;
/** Control characters: a pasted NUL or escape sequence; SQLite counts a NUL as the end of the text. */
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_NEWLINE = /(?!\n)\p{Cc}/u;
/**
 * Invisible marks, overrides and isolates that change the direction text is shown in: a name, a
 * place or a register number would read differently from what is stored ("Trojan Source").
 */
const DIRECTION_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export const BROKEN_CHARACTER_MESSAGE = '这里有一个残缺的字符（可能是没复制完整的表情或生僻字），请删掉后重新输入';
export const DIRECTION_MARK_MESSAGE = '这里有看不见的特殊符号，会让文字顺序显示颠倒，请删掉后重新输入';

/** line: one line of text. lines: line breaks allowed. public: lines of a child's public words (no direction marks either). secret: anything whole (passwords). */
export type TextKind = 'line' | 'lines' | 'public' | 'secret';

/** The message for what is wrong with `s`, or null when it may be stored; `controlMessage` names the field. */
export function textProblem(s: string, kind: TextKind, controlMessage: string): string | null {
  if (LONE_SURROGATE.test(s)) return BROKEN_CHARACTER_MESSAGE;
  if (kind === 'secret') return null;
  if ((kind === 'line' ? CONTROL : CONTROL_BUT_NEWLINE).test(s)) return controlMessage;
  if ((kind === 'line' || kind === 'public') && DIRECTION_CONTROL.test(s)) return DIRECTION_MARK_MESSAGE;
  return null;
}

const rule = <T extends string | string[]>(kind: TextKind, controlMessage: string) =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const s of [dataset.value].flat()) {
      const message = textProblem(s, kind, controlMessage);
      if (message) return addIssue({ message });
    }
  });

/**
 * One line of text (a name, a town, a register number): no control character, no broken
 * character, no direction mark. `message` is what to say about a control character.
 */
export const printable = (message: string) => rule<string>('line', message);

/** Each text of a list is one line, as `printable`. */
export const printableEach = (message: string) => rule<string[]>('line', message);

/** Like `printable`, but line breaks (already normalised to \n) and direction marks are allowed. */
export const printableLines = (message: string) => rule<string>('lines', message);

/**
 * A child's public words (a wish): line breaks allowed, direction marks not, so
 * what the privacy gate reads is what the wall shows.
 */
export const publicLines = (message: string) => rule<string>('public', message);

/** A name or a place must hold at least one letter (a Chinese character counts): not only emoji, digits or marks. */
export const withWords = (message: string) => v.check((s: string) => /\p{L}/u.test(s), message);

/** Whether anything would show: text made only of spaces and invisible characters is empty. */
export const hasVisibleText = (s: string) => s.replace(/[\s\p{Cf}\p{M}\u115F\u1160\u2800\u3164\uFFA0]/gu, '').length > 0;

/** A secret (a password): anything may be typed, but a broken character would hash like another one. */
export const wholeCharacters = () => rule<string>('secret', '');

/** Windows and old Mac line ends become \n, so `printableLines` sees one kind. */
export const unixLines = v.transform((s: string) => s.replace(/\r\n?/g, '\n'));
