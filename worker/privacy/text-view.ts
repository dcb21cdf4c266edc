/**
 * What the privacy gate reads: the text as people meant it, not as they typed
 * it. Invisible characters are dropped, full-width letters and digits become
 * ASCII (NFKC), U+3000 becomes a space, and a second view reads Chinese
 * numerals as digits. Every character of a view remembers where it came from,
 * so a finding can show the words the coordinator actually typed.
 */

/**
 * Format characters (zero-width space and joiners, word joiner, BOM, soft hyphen, bidi controls),
 * combining marks and variation selectors (the emoji keycap: 1️⃣ reads as 1), and fillers that print as nothing.
 */
const INVISIBLE = /[\p{Cf}\p{M}\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFFA0]/u;

const NUMERALS: Record<string, string> = {
  〇: '0', 零: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4',
  五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9',
};
const NUMERAL = new RegExp(`[${Object.keys(NUMERALS).join('')}]`, 'g');

export interface TextView {
  /** The typed text. */
  readonly source: string;
  /** Normalised: no invisible characters, NFKC, lower case, every space a plain space. */
  readonly text: string;
  /** `text` with Chinese numerals read as digits, character for character. */
  readonly digits: string;
  /** For each character of `text`: where its source starts and ends. */
  readonly from: readonly number[];
  readonly to: readonly number[];
}

/** Reads a typed text into its normalised views. */
export function viewOf(source: string): TextView {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const ch of source) {
    const start = at;
    at += ch.length;
    if (INVISIBLE.test(ch)) continue;
    let normal = ch.normalize('NFKC').toLowerCase();
    if (/^\s+$/u.test(normal)) normal = ' ';
    for (let k = 0; k < normal.length; k++) {
      from.push(start);
      to.push(at);
    }
    text += normal;
  }
  return { source, text, digits: lettersAsDigits(text.replace(NUMERAL, (c) => NUMERALS[c]!)), from, to };
}

/** 138oo138ooo: the letters o, l and i typed for 0 and 1 inside a run of digits. */
function lettersAsDigits(digits: string): string {
  let out = digits;
  for (let pass = 0; pass < 4; pass++) {
    const next = out.replace(/(?<=\d[\s\-.]?)[oil]|[oil](?=[\s\-.]?\d)/g, (c) => (c === 'o' ? '0' : '1'));
    if (next === out) break;
    out = next;
  }
  return out;
}

/** The view without the characters at the indexes `keep` refuses, still mapped to the source. */
function filtered(view: TextView, keep: (i: number) => boolean): TextView {
  let text = '';
  let digits = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < view.text.length; i++) {
    if (!keep(i)) continue;
    text += view.text[i];
    digits += view.digits[i];
    from.push(view.from[i]!);
    to.push(view.to[i]!);
  }
  return { source: view.source, text, digits, from, to };
}

/** The view without the characters `drop` matches (spaces, punctuation), still mapped to the source. */
export function squeezed(view: TextView, drop: RegExp): TextView {
  return filtered(view, (i) => !drop.test(view.text[i]!));
}

/** The typed words behind view[start, end). */
export function typedSlice(view: TextView, start: number, end: number): string {
  return view.source.slice(view.from[start], view.to[end - 1]);
}

/** Whether the typed words hide characters that print as nothing. */
export function hasInvisible(typed: string): boolean {
  return INVISIBLE.test(typed);
}

/** Separators people put between the characters of a name to slip it past a filter: 苏 雨 涵, 赵·梓·轩, 王-小-明, 曹、梓、航, 刘🌟欣🌟然, 段 ♡ 可 ♡ 馨 (not brackets, quotes, commas or a sentence's end). */
const SPREAD_SEPARATOR = String.raw`[\s\p{S}\p{Extended_Pictographic}·・、_/|~•‧\-\u2010-\u2015*#]`;
const SPREAD = new RegExp(String.raw`\p{Script=Han}(?:${SPREAD_SEPARATOR}+\p{Script=Han}){2,}`, 'gu');

/**
 * The view with the separators dropped inside a run of three or more single
 * characters (王 小 明, 青 石 小 学), so the run reads as one word. Other spaces
 * stay: they end a word (韦东 希望…).
 */
export function joined(view: TextView): TextView {
  const drop = new Set<number>();
  for (const m of view.text.matchAll(SPREAD)) {
    for (let i = 0; i < m[0].length; i++) if (!/\p{Script=Han}/u.test(m[0][i]!)) drop.add(m.index + i);
  }
  return filtered(view, (i) => !drop.has(i));
}
