/**
 * The alias rule: a card's alias is a given-name style nickname, never a
 * surname and a given name (王小明, 欧阳娜, or the same spelled out: 王·小明, wang xiaoming).
 */
import { latinNameAt } from './find-pinyin';
import { COMPOUND_SURNAMES, GIVEN_CHARS, ORDINARY_WORDS, RURAL_GIVEN_CHARS, SURNAMES } from './name-lists';

/** Nicknames that begin with a surname character but are ordinary words. */
const NICKNAMES = new Set(['石头', '金豆', '金宝', '小满', '明天', '安心', '乐天', '方方', '高高', '米粒', '丁丁', '龙龙', '阳光', '豆豆', '贝贝', '宝宝']);

/** An alias of 2–4 Han characters that reads as surname + given name (王小明, 欧阳娜). */
function hanAliasIsName(alias: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(alias) || NICKNAMES.has(alias) || ORDINARY_WORDS.includes(alias)) return false;
  const compound = COMPOUND_SURNAMES.find((s) => alias.startsWith(s));
  const given = alias.slice(compound ? 2 : 1);
  if (!compound && !SURNAMES.has(alias[0]!)) return false;
  // 乐乐, 明明: a doubled character is a nickname.
  if (!compound && alias.length === 2 && alias[0] === alias[1]) return false;
  return given.length >= 1 && given.length <= 2 && [...given].every((c) => GIVEN_CHARS.has(c) || RURAL_GIVEN_CHARS.has(c));
}

/** Whether an alias (normalised, spaces and punctuation taken out for the Han form) reads as a full name. */
export function aliasIsName(normalised: string, compact: string): boolean {
  const latin = normalised.trim();
  return hanAliasIsName(compact) || (/^[a-z\s]+$/.test(latin) && latinNameAt(latin, 0) === latin.length);
}
