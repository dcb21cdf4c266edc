/**
 * Real names typed by a coordinator at review: matched against the card's
 * words (spaces and punctuation removed on both sides, and the given name on
 * its own) and then forgotten. Nothing here stores, logs or repeats them.
 */
import type { Hit } from './hits';
import { COMPOUND_SURNAMES, SURNAMES } from './name-lists';
import { squeezed, viewOf, type TextView } from './text-view';

const SPACES_AND_PUNCTUATION = /[\s\p{P}\p{S}]/u;

/** The names typed at review, and the given names inside them (王小明 → 王小明, 小明). */
function realNameForms(realNames: string): string[] {
  const names = viewOf(realNames).text.split(/[\s\p{P}\p{S}]+/u).filter((n) => n.length >= 2);
  return names.flatMap((n) => {
    const surname = COMPOUND_SURNAMES.find((s) => n.startsWith(s)) ?? (SURNAMES.has(n[0]!) ? n[0]! : '');
    const given = surname ? n.slice(surname.length) : '';
    return given.length >= 2 ? [n, given] : [n];
  });
}

export function realNameHits(view: TextView, realNames: string): Hit[] {
  const compact = squeezed(view, SPACES_AND_PUNCTUATION);
  return realNameForms(realNames).flatMap((name) => {
    const hits: Hit[] = [];
    for (let at = compact.text.indexOf(name); at >= 0; at = compact.text.indexOf(name, at + 1)) {
      hits.push({ kind: 'real_name', view: compact, start: at, end: at + name.length });
    }
    return hits;
  });
}

/**
 * What a real-name match means, quoting only the card's own words (the names
 * typed are never repeated): the whole name, or the given name without the surname.
 */
export function realNameMessage(label: string, found: string, matched: string, realNames: string): string {
  const whole = viewOf(realNames).text.split(/[\s\p{P}\p{S}]+/u).includes(matched);
  return whole
    ? `${label}里的“${found}”就是孩子或家长的真实姓名，请改写`
    : `${label}里的“${found}”和真实姓名里的名字相同（不带姓也能认出孩子），请换一个小名或改写`;
}

