/**
 * People's names: a surname and one or two given-name characters, after a cue
 * (我叫, 我是, 名字, 妈妈叫, 外婆, 监护人：) or standing alone where the word
 * segmenter leaves the surname as a word of its own (王|小明|想要). Ordinary
 * words that begin with a surname character (白色, 马上, 王国) are words to
 * the segmenter, or on the list of ordinary words; famous people and story
 * characters are not children; pets' names are not children.
 */
import type { Hit, PrivacyKind } from './hits';
import { COMPOUND_SURNAMES, FAMOUS, GIVEN_CHARS, ORDINARY_WORDS, RURAL_GIVEN_CHARS, SURNAMES } from './name-lists';
import type { TextView } from './text-view';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words right after a surname that make it a way of addressing someone, not a name: 王老师, 李阿姨. */
const TITLE_AFTER = /^(老师|校长|阿姨|叔叔|伯伯|爷爷|奶奶|医生|同学|妈妈|爸爸|哥哥|姐姐|师傅|老板|主任|书记|警官|家里|家人|总|姓|先生|女士|大爷|大妈|大叔|婶|嫂|老头|老太|老人|老家|老乡|小朋友)/;
/** Self cues: what follows is the writer's own name, even when it is a famous one. */
const SELF_CUE = /(我叫|俺叫|俺是|我的名字叫|我的名字是|我的名字|名字叫|名字是|名字|我名叫|姓名|本人|签名|署名|落款|心愿人|写心愿的是|写愿望的是|写信人|学生|学生姓名|孩子姓名|儿童姓名|联系人|填写人|记录人|我是)\s*[:：是叫]?\s*$/;
/** Cues so strong that what follows is a name even when it is also a word (我叫安静, 签名：白雪). */
const STRONG_CUE = /(我叫|俺叫|名字叫|名字是|名字|我名叫|姓名|签名|署名|落款|心愿人|写心愿的是|写愿望的是|写信人|学生:|联系人|填写人|记录人)\s*[:：是叫]?\s*$/;
/** Relations: what follows is a family member's (or a friend's) name. */
const FAMILY = '继父|继母|后爸|后妈|爸爸|妈妈|阿爸|阿妈|老爸|老妈|老汉|爸|妈|父亲|母亲|爷爷|奶奶|阿公|阿婆|外公|外婆|姥姥|姥爷|嫲嫲|娭毑|孃孃|嬢嬢|幺爸|幺妈|婆婆|公公|爹爹|大伯|干爹|干妈|姨妈|姑妈|舅公|监护人|家长|哥哥|姐姐|弟弟|妹妹|叔叔|阿姨|舅舅|舅妈|姑姑|姑父|伯伯|婶婶|爹|娘';
/** The relations whose names are a parent's or guardian's (a brother's or sister's is a child's). */
const IS_FAMILY = new RegExp(`^(?!哥哥$|姐姐$|弟弟$|妹妹$)(${FAMILY})$`);
const RELATION_CUE = new RegExp(`(${FAMILY}|同桌|好朋友|朋友|同学)(的名字|名字)?\\s*(叫做|名叫|叫|是|:|\\()?\\s*$`);
/** Someone named by another: X叫Y. */
const CALLED_CUE = /(叫做|名叫|叫)\s*$/;
/** A pet or toy is what is being named: 小狗叫旺财. */
const PET_BEFORE = /(狗|猫|兔|鸟|鱼|鼠|龟|鸭|鸡|猪|牛|羊|马|熊|宠物|娃娃|玩偶|公仔|玩具)[^，。！？,.!?\s]{0,3}$/;
/** What follows a name standing alone in a wish: a verb, an age, punctuation. */
const AFTER_NAME = /^($|[\s\p{P}\p{S}\p{Extended_Pictographic}\d]|他|她|你|您|小朋友|的愿望|想|要|希望|的|今年|是|在|说|喜欢|爱|很|和|同学|岁|年|上|读|家|也|从|跟|非常|特别|最|一直|现在|每天|长大|有|没|给|会|能|可以|还|已经|写|学|就|都|请|盼|期待|心愿|梦想|渴望|需要|打算|准备|住)/u;

const ORDINARY = new Set(ORDINARY_WORDS);
/** Famous names by their first character, longest first. */
const FAMOUS_BY_FIRST = new Map<string, string[]>();
for (const f of [...FAMOUS].sort((a, b) => b.length - a.length)) FAMOUS_BY_FIRST.set(f[0]!, [...(FAMOUS_BY_FIRST.get(f[0]!) ?? []), f]);

/** Segment lengths by start index. */
function segmentStarts(text: string): Map<number, number> {
  const starts = new Map<number, number>();
  for (const s of segmenter.segment(text)) starts.set(s.index, s.segment.length);
  return starts;
}

interface Candidate {
  end: number;
  surnameLength: number;
}

/** A surname at `at` and one or two given-name characters from `chars`. */
function nameAt(text: string, at: number, chars: (c: string) => boolean, wordsToo = false, longest = 2): Candidate | null {
  const compound = COMPOUND_SURNAMES.find((s) => text.startsWith(s, at));
  const surnameLength = compound ? 2 : SURNAMES.has(text[at]!) ? 1 : 0;
  if (!surnameLength) return null;
  const rest = text.slice(at + surnameLength);
  if (TITLE_AFTER.test(rest)) return null;
  let given = 0;
  while (given < longest && given < rest.length && chars(rest[given]!)) given++;
  // 王小, 李大, 王一: a prefix of a nickname, not a given name; 王家: a family; 乐乐: a doubled nickname.
  if (!given || (given === 1 && /[小大老阿一家]/.test(rest[0]!))) return null;
  if (surnameLength === 1 && rest[0] === text[at]) return null;
  const word = text.slice(at, at + surnameLength + given);
  if (!wordsToo && (ORDINARY.has(word) || ORDINARY.has(rest.slice(0, given)))) return null;
  return { end: at + surnameLength + given, surnameLength };
}

/**
 * A name standing alone: the segmenter sees the surname as its own word (a
 * compound surname is distinctive enough without it), the given name ends where
 * a word ends, and a verb, an age, punctuation or another word follows.
 */
function standingName(text: string, at: number, starts: Map<number, number>): Candidate | null {
  for (const longest of [2, 1]) {
    const cand = nameAt(text, at, coreGiven, false, longest);
    if (!cand) return null;
    const givenStart = at + cand.surnameLength;
    const alone = cand.surnameLength === 2 || starts.get(at) === 1;
    const wholeWords = (starts.get(givenStart) ?? 0) <= cand.end - givenStart && (cand.end === text.length || starts.has(cand.end));
    if (alone && wholeWords && (AFTER_NAME.test(text.slice(cand.end)) || (starts.get(cand.end) ?? 0) >= 2)) return cand;
    if (cand.end - givenStart < 2) return null;
  }
  return null;
}

/** 亓文博想要…, 笪佳琪：a surname the list does not know, opening the wish, before two given-name characters and a verb. */
function unknownSurnameName(text: string, at: number, starts: Map<number, number>): boolean {
  return (
    (at === 0 || /[\s:：()（）]/u.test(text[at - 1]!)) &&
    starts.get(at) === 1 &&
    /\p{Script=Han}/u.test(text[at]!) &&
    !/[我你他她它这那每全小阿老大今明昨新弟妹哥姐爸妈爷奶叔姨同]/.test(text[at]!) &&
    GIVEN_CHARS.has(text[at + 1]!) &&
    GIVEN_CHARS.has(text[at + 2]!) &&
    text[at + 1] !== text[at + 2] &&
    (starts.get(at + 1) === 2 || (starts.get(at + 1) === 1 && starts.get(at + 2) === 1)) &&
    /^(\s|[:：]|想要|想|希望|要|的心愿|的愿望|心愿)/.test(text.slice(at + 3))
  );
}

/**
 * 唐诗琪, 叶子琪, 宁可欣: the segmenter reads surname + first given character
 * as a word (唐诗, 叶子, 宁可) and leaves the last character alone.
 */
function joinedName(text: string, at: number, starts: Map<number, number>): boolean {
  return (
    starts.get(at) === 2 &&
    SURNAMES.has(text[at]!) &&
    GIVEN_CHARS.has(text[at + 1]!) &&
    starts.get(at + 2) === 1 &&
    GIVEN_CHARS.has(text[at + 2]!) &&
    text[at + 2] !== text[at + 1] &&
    !ORDINARY.has(text.slice(at, at + 3)) &&
    AFTER_NAME.test(text.slice(at + 3))
  );
}

/** 白雪想要…: a two-character word that is also a name, opening the wish as its subject. */
function subjectName(text: string, at: number, starts: Map<number, number>): boolean {
  return (
    (at === 0 || /[\s,.!?;:()"'，。！？；：（）“”]/.test(text[at - 1]!)) &&
    starts.get(at) === 2 &&
    SURNAMES.has(text[at]!) &&
    GIVEN_CHARS.has(text[at + 1]!) &&
    text[at + 1] !== text[at] &&
    !ORDINARY.has(text.slice(at, at + 2)) &&
    /^(想要|想|希望|要|的心愿|的愿望|今年)/.test(text.slice(at + 2))
  );
}

/**
 * After 我叫 or 姓名：, three characters that stand as a word are a full name
 * even when the surname is one the list does not know (刀春兰, 闭春燕).
 */
function threeCharName(text: string, at: number): Candidate | null {
  const word = text.slice(at, at + 3);
  if (!/^\p{Script=Han}{3}$/u.test(word) || /^[小阿老大]/.test(word) || word[1] === word[2] || !AFTER_NAME.test(text.slice(at + 3))) return null;
  return [...word].every(hanNotWord) ? { end: at + 3, surnameLength: 1 } : null;
}

/** Positions inside an ordinary word other than at its start (朱古力: 古, 力). */
function ordinaryCover(text: string): Set<number> {
  const cover = new Set<number>();
  for (const w of ORDINARY) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) for (let i = at + 1; i < at + w.length; i++) cover.add(i);
  return cover;
}

/** What comes after a person, not a thing: 同学, 小朋友, an age. */
const PERSON_AFTER = /^(同学|小朋友|的爸爸|的妈妈|的奶奶|的爷爷|[,，]?\s*(?:今年)?[\d一二三四五六七八九十]{1,2}岁|[,，]?\s*(?:男|女)[,，])/;
/** What comes before a person: a signature dash, "one of our class". */
const PERSON_BEFORE = /(——|—|--|~|班的|我们班|班上的|班里的|学生|孩子|该生|该童)\s*$/;

/**
 * 高峰同学, ——黎明, 汪洋，10岁: a surname and one or two characters where only a
 * person can stand, even when the two read as a word (高峰, 汪洋, 黎明).
 */
function personInContext(text: string, at: number, starts: Map<number, number>): Candidate | null {
  // The surname starts a word (not 经常帮助同学).
  if (!starts.has(at)) return null;
  for (const longest of [2, 1]) {
    // Only a person stands here, so a name that is also a word (蓝天同学) counts.
    const cand = nameAt(text, at, hanNotWord, true, longest);
    // 全班同学, 全校: a group, not a person.
    if (!cand || /[班校家村体部组队]/.test(text[at + cand.surnameLength]!)) return null;
    const before = text.slice(Math.max(0, at - 6), at);
    const after = text.slice(cand.end);
    const atEnd = /^\s*($|[。.!！)）])/.test(after) && /(——|—|--|~)\s*$/.test(before);
    // After 孩子/学生 the words must also look like a name (not 孩子成绩好想…).
    const nameLike = [...text.slice(at + cand.surnameLength, cand.end)].every((c) => GIVEN_CHARS.has(c));
    if (PERSON_AFTER.test(after) || atEnd || (PERSON_BEFORE.test(before) && nameLike)) return cand;
  }
  return null;
}

const famousAt = (text: string, at: number) => FAMOUS_BY_FIRST.get(text[at]!)?.find((f) => text.startsWith(f, at));
const anyGiven = (c: string) => GIVEN_CHARS.has(c) || RURAL_GIVEN_CHARS.has(c);
const coreGiven = (c: string) => GIVEN_CHARS.has(c);
const hanNotWord = (c: string) => /\p{Script=Han}/u.test(c) && !/[的了是在和跟与给我你他她它们这那个也都就还很要想会能去没不岁年村镇乡县区市省街]/.test(c);

/** Every name in the text, by cue or standing alone; and 姓王 (a surname told outright). */
export function findNames(view: TextView): Hit[] {
  const text = view.text;
  const starts = segmentStarts(text);
  const hits: Hit[] = [];
  const add = (kind: PrivacyKind, start: number, end: number) => hits.push({ kind, view, start, end });

  // Inside 《》 is a book's or a song's title (《狼王梦》), not a person; inside an ordinary word (朱古力) is not a name.
  const titles = [...text.matchAll(/《[^》]*》/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const inWord = ordinaryCover(text);
  for (let at = 0; at < text.length; at++) {
    const title = titles.find(([from, to]) => at >= from && at < to);
    if (title) {
      at = title[1] - 1;
      continue;
    }
    const before = text.slice(Math.max(0, at - 8), at);
    const selfCue = SELF_CUE.test(before);
    const famous = famousAt(text, at);
    // 朱婷 is a volleyball star, 朱婷婷 a child: a famous two-character name followed by a given-name character is not the star.
    const extended = famous?.length === 2 && GIVEN_CHARS.has(text[at + 2] ?? '') && text[at + 2] !== '一' && !/^(的|是|那|这|和|一)/.test(text.slice(at + 2));
    if (famous && !selfCue && !extended) {
      at += famous.length - 1;
      continue;
    }
    const relation = before.match(RELATION_CUE);
    const called = CALLED_CUE.test(before) && !PET_BEFORE.test(before.replace(CALLED_CUE, ''));
    let found: Candidate | null = null;
    let kind: PrivacyKind = 'full_name';
    if (selfCue || called) {
      found = nameAt(text, at, hanNotWord, STRONG_CUE.test(before)) ?? (STRONG_CUE.test(before) ? threeCharName(text, at) : null);
      if (found && relation?.[1] && IS_FAMILY.test(relation[1])) kind = 'parent_name';
    } else if (relation) {
      // 妈妈李春花, 奶奶王桂花: the surname must be a word of its own (not 爸爸马上, 妈妈高兴), and
      // then a name that is also a word counts; 爸爸黄海涛: or surname and first character read as one word.
      const cand = nameAt(text, at, anyGiven, true);
      const given = cand ? cand.end - at - cand.surnameLength : 0;
      if (cand && (starts.get(at) === cand.surnameLength || (cand.surnameLength === 1 && given === 2 && starts.get(at) === 2))) found = cand;
      if (found && IS_FAMILY.test(relation[1]!)) kind = 'parent_name';
    } else if (!inWord.has(at)) {
      found = standingName(text, at, starts);
      if (!found && joinedName(text, at, starts)) {
        found = { end: at + 3, surnameLength: 1 };
      } else if (!found && subjectName(text, at, starts)) {
        found = { end: at + 2, surnameLength: 1 };
      } else if (!found && unknownSurnameName(text, at, starts)) {
        found = { end: at + 3, surnameLength: 1 };
      }
      found ??= personInContext(text, at, starts);
    }
    if (found) {
      add(kind, at, found.end);
      at = found.end - 1;
    }
  }
  for (const m of text.matchAll(/(?<![百])姓\s*([\p{Script=Han}]{1,2})/gu)) {
    const s = m[1]!;
    if (COMPOUND_SURNAMES.includes(s) || SURNAMES.has(s[0]!)) {
      const start = m.index + m[0].length - s.length;
      add('surname', start, start + (COMPOUND_SURNAMES.includes(s) ? 2 : 1));
    }
  }
  return hits;
}
