/**
 * Names and classes written in pinyin: "我叫 Li Na", "Wang Xiaoming",
 * "wo jiao lin xin yue", "张yu xuan", "wu nian ji san ban". Children practise
 * pinyin in their wishes ("wo xiang yao yi ge shu bao"), so a lower-case
 * pinyin name counts only after a cue; a capitalised one counts anywhere.
 */
import type { Hit, PrivacyKind } from './hits';
import { COMPOUND_SURNAMES, SURNAMES } from './name-lists';
import type { TextView } from './text-view';

/** The commonest surnames in pinyin (about 90% of people). */
const PINYIN_SURNAMES = new Set(
  ('wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao peng ' +
    'zeng xiao tian dong yuan pan yu cai jiang du ye cheng su wei lv lu ding ren shen yao zhong cui tan fan jin shi liao jia xia fu fang ' +
    'zou xiong bai meng qin qiu hou yin xue yan duan lei long tao mao hao gu gong shao wan qian dai ou mo kong xiang chang kang yi qiao ' +
    'lai wen hong xin ke zhuang ji zhai gan xing zhan jiao ni ruan ge qi lan ning yue dan bao mei nie shu zuo guan geng shang niu miao ' +
    'pang ling huo teng pu sheng tong pei tu qu bu jing you mu che xi chai jian rao zong mai chu lian leng dou lou zhi zhuo she hua chi ' +
    'cha nong ai pi shuai cen rong kuang ouyang situ zhuge shangguan sima').split(' '),
);

const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?';
const FINAL = '(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ve|ue|er|a|o|e|i|u|v)';
const SYLLABLE = new RegExp(`^${INITIAL}${FINAL}$`);

/** How many pinyin syllables a word splits into (xiaoming → 2, fewest first), or 0 when it is not pinyin. */
function syllableCount(word: string): number {
  // best[i]: fewest syllables that spell word[0, i).
  const best: number[] = [0, ...Array<number>(word.length).fill(Infinity)];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 6); start < end; start++) {
      if (best[start]! + 1 < best[end]! && SYLLABLE.test(word.slice(start, end))) best[end] = best[start]! + 1;
    }
  }
  return Number.isFinite(best[word.length]) ? best[word.length]! : 0;
}

const CUE = /(我叫|我是|名字叫?|名字是|姓名|签名|叫|wo\s*jiao|wo\s*shi|ming\s*zi\s*(?:shi|jiao)?|my\s+name\s+is|i\s+am|i'm)\s*[:：]?\s*$/;
const FAMILY_CUE = /(?:(爸爸|妈妈|爸|妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|ba\s*ba|ma\s*ma)\s*(叫|是|jiao|shi|:)|(监护人|家长|联系人)\s*:?)\s*$/u;

/** A name in latin letters starting at `at`: a pinyin surname and one or two syllables of given name. */
export function latinNameAt(text: string, at: number): number | null {
  const m = /^([a-z]+)(?:\s+([a-z]+))?(?:\s+([a-z]+))?/.exec(text.slice(at));
  if (!m || !PINYIN_SURNAMES.has(m[1]!)) return null;
  // "Li Na", "lin xin yue", "Zhang Yuxuan": the given name as one word of 1–2 syllables or two words of one.
  const second = m[2] ?? '';
  const third = m[3] ?? '';
  const n2 = syllableCount(second);
  // "ma ma": a doubled syllable is a word for a parent, not a name.
  if (!n2 || second === m[1]) return null;
  let end = at + m[1]!.length + (m[0].slice(m[1]!.length).indexOf(second) + second.length);
  if (n2 === 1 && third && syllableCount(third) === 1) end = at + m[0].length;
  return n2 <= 2 ? end : null;
}

/** Pinyin names (after a cue, or capitalised in what was typed) and pinyin classes. */
export function findPinyin(view: TextView): Hit[] {
  const text = view.text;
  const hits: Hit[] = [];
  const add = (kind: PrivacyKind, start: number, end: number) => hits.push({ kind, view, start, end });
  for (const m of text.matchAll(/[a-z]+/g)) {
    const at = m.index;
    if (at > 0 && /[a-z]/.test(text[at - 1]!)) continue;
    const before = text.slice(Math.max(0, at - 12), at);
    const end = latinNameAt(text, at);
    if (end === null) continue;
    const typed = view.source.slice(view.from[at], view.to[end - 1]).normalize('NFKC');
    // Wang Xiaoming, WEI JUNHAO: written as a name is written; "wo xiang yao" is practice.
    const capitalised = /^[A-Z][a-z]+\s+[A-Z][a-z]*/.test(typed) || /^[A-Z]+\s+[A-Z]+$/.test(typed);
    // zhang yi xuan 想要…: a pinyin name as the subject of the wish.
    const subject = /^\s*(想要|想|希望|要|的心愿|的愿望)/.test(text.slice(end));
    if (FAMILY_CUE.test(before)) add('parent_name', at, end);
    else if (CUE.test(before) || capitalised || subject) add('full_name', at, end);
  }
  // 张yu xuan: a Han surname, then the given name in pinyin.
  for (const m of text.matchAll(/(\p{Script=Han}{1,2})\s?([a-z]+)(?:\s+([a-z]+))?/gu)) {
    const han = m[1]!;
    const surname = COMPOUND_SURNAMES.includes(han) ? han : SURNAMES.has(han.slice(-1)) ? han.slice(-1) : '';
    if (!surname) continue;
    const given = (m[2] ?? '') + (m[3] ? ` ${m[3]}` : '');
    const n = given.split(' ').reduce((sum, w) => sum + syllableCount(w), 0);
    if (n < 1 || n > 2 || given.split(' ').some((w) => !syllableCount(w))) continue;
    const before = text.slice(Math.max(0, m.index + han.length - surname.length - 8), m.index + han.length - surname.length);
    if (!CUE.test(before) && !FAMILY_CUE.test(before)) continue;
    add(FAMILY_CUE.test(before) ? 'parent_name' : 'full_name', m.index + han.length - surname.length, m.index + m[0].length);
  }
  // 我的名字是 Hu 欣妍: a pinyin surname and a given name in characters, after a cue.
  for (const m of text.matchAll(/([a-z]+)\s*(\p{Script=Han}{1,2})/gu)) {
    if (!PINYIN_SURNAMES.has(m[1]!) || (m.index > 0 && /[a-z]/.test(text[m.index - 1]!))) continue;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (CUE.test(before)) add('full_name', m.index, m.index + m[0].length);
    else if (FAMILY_CUE.test(before)) add('parent_name', m.index, m.index + m[0].length);
  }
  const NUM = '(?:yi|er|san|si|wu|liu|qi|ba|jiu|shi|\\d)';
  for (const m of text.matchAll(new RegExp(`${NUM}\\s*nian\\s*ji\\s*${NUM}\\s*ban\\b|\\b(?:class|grade)\\s*\\d{1,2}\\s*[-(（/]\\s*\\d{1,2}\\)?|\\bgrade\\s*\\d{1,2}\\s*,?\\s*class\\s*\\d{1,2}`, 'g'))) add('class', m.index, m.index + m[0].length);
  // 家住 xiang yang cun 2 zu: an address in pinyin.
  for (const m of text.matchAll(/\b[a-z]+(?:\s+[a-z]+){0,3}\s*(?:cun|zu|she|dui|lu|jie)\s*\d+\s*(?:zu|hao|she|dui)?\b/g)) {
    if (/(住|家在|家住|地址)\s*$/.test(text.slice(Math.max(0, m.index - 6), m.index))) add('address', m.index, m.index + m[0].length);
  }
  // qingshi小学: a school named in pinyin.
  for (const m of text.matchAll(/[a-z]{3,}(?:\s+[a-z]+){0,2}\s*(?:小学|中学|中心校|完小|xiao\s*xue|zhong\s*xue)/g)) {
    if (!/^(wo|shang|du|zai|qu|de)\s/.test(m[0])) add('school', m.index, m.index + m[0].length);
  }
  return hits;
}
