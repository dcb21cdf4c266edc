/**
 * The privacy gate: finds what could identify or locate a child in text that
 * is about to be published, and says what it found, where, in plain Chinese.
 * It errs on the side of flagging: a false alarm costs a coordinator a minute
 * (or a "不是个人信息" with a reason), a missed name exposes a child.
 * Design and measured figures: docs/decisions/010-privacy-gate.md.
 */
import { findNames } from './find-names';
import { findNumbers } from './find-numbers';
import { findPinyin } from './find-pinyin';
import { findPlaces, type PlaceContext } from './find-places';
import { PRIVACY_KIND_LABELS, type Hit, type PrivacyKind } from './hits';
import { aliasIsName } from './alias-name';
import { realNameHits, realNameMessage } from './real-names';
import { CARD_PUBLIC_TEXT_FIELDS, CARD_PUBLIC_TEXT_LABELS } from '#worker/vocabulary.ts';
import { hasInvisible, joined, squeezed, typedSlice, viewOf } from './text-view';

export { PRIVACY_KINDS, PRIVACY_KIND_LABELS, type PrivacyKind } from './hits';
export type PrivacyContext = PlaceContext;

export interface PrivacyFinding {
  /** The field the words are in (alias, wish, sizeNote…). */
  field: string;
  kind: PrivacyKind;
  /** The card's words as typed (invisible characters left out), so the coordinator sees what to change. */
  found: string;
  message: string;
}

/** A finding a coordinator marked "不是个人信息", matched by field, kind and words. */
export interface PrivacyDismissal {
  field: string;
  kind: PrivacyKind;
  found: string;
}

const SPACES = /\s/u;
const SPACES_AND_PUNCTUATION = /[\s\p{P}\p{S}]/u;
/** Twice the longest public text the schemas accept (300): a longer one was refused already and is not worth the CPU. */
const MAX_CHECKED = 600;

interface Located {
  kind: PrivacyKind;
  from: number;
  to: number;
  typed: string;
  /** The normalised words the finder matched. */
  matched: string;
}

/** Hits in source positions, without one that another of the same kind already covers. */
function located(hits: Hit[]): Located[] {
  const list = hits.map((h) => ({ kind: h.kind, from: h.view.from[h.start]!, to: h.view.to[h.end - 1]!, typed: typedSlice(h.view, h.start, h.end), matched: h.view.text.slice(h.start, h.end) }));
  list.sort((a, b) => a.from - b.from || b.to - a.to);
  return list.filter((h, i) => !list.some((o, j) => j !== i && o.kind === h.kind && o.from <= h.from && o.to >= h.to && (o.to - o.from > h.to - h.from || j < i)));
}

export interface TextCheck {
  /** The field's name, and its label in the messages (心愿, 称呼…). */
  field: string;
  label: string;
  text: string;
  /** A nickname field: the whole text must not read as a full name. */
  alias?: boolean;
}

/** Everything in these texts that could identify or locate a child. Empty when they may be published. */
export function checkTexts(texts: TextCheck[], ctx: PrivacyContext, realNames = ''): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  for (const { field, label, text, alias } of texts) {
    if (!text) continue;
    for (const shown of [text, ...displayed(text)]) findings.push(...checkOne({ field, label, text: shown, alias }, ctx, realNames, findings));
  }
  return findings;
}

/** Text inside a right-to-left override (‮涵梓刘‬) as a reader sees it: reversed. */
function displayed(text: string): string[] {
  if (!/[\u202E\u2067]/.test(text)) return [];
  return [text.replace(/[\u202E\u2067]([^\u202C\u2069]*)[\u202C\u2069]?/g, (_, inner: string) => [...inner].reverse().join(''))];
}

/** The findings in one text of one field, leaving out any already found. */
function checkOne(check: TextCheck, ctx: PrivacyContext, realNames: string, already: PrivacyFinding[]): PrivacyFinding[] {
  const { field, label, alias } = check;
  const view = viewOf(check.text.slice(0, MAX_CHECKED));
  const words = joined(view);
  const hits = [
    ...findNumbers(view),
    ...findPlaces(words, ctx),
    ...findNames(words),
    // 李　思琪: a space inside a name, read again without spaces.
    ...findNames(squeezed(words, SPACES)),
    ...findPinyin(view),
    ...(realNames ? realNameHits(view, realNames) : []),
  ];
  if (alias && aliasIsName(view.text, squeezed(view, SPACES_AND_PUNCTUATION).text)) hits.push({ kind: 'full_name', view, start: 0, end: view.text.length });
  const findings: PrivacyFinding[] = [];
  for (const h of located(hits)) {
    const hidden = hasInvisible(h.typed) ? '（中间夹着看不见的字符）' : '';
    const found = h.typed.replace(/[\p{Cf}]/gu, '').trim();
    const message = h.kind === 'real_name' ? realNameMessage(label, found, h.matched, realNames) + hidden : `${label}里的“${found}”${PRIVACY_KIND_LABELS[h.kind]}${hidden}`;
    const same = (f: PrivacyFinding) => f.field === field && f.kind === h.kind && f.found === found && f.message === message;
    if (!findings.some(same) && !already.some(same)) findings.push({ field, kind: h.kind, found, message });
  }
  return findings;
}

/** Everything in a card's public words (alias, wish, size note) that could identify the child. */
export function checkCardPrivacy(card: { alias: string; wish: string; sizeNote?: string | null }, ctx: PrivacyContext, realNames = ''): PrivacyFinding[] {
  return checkTexts(
    CARD_PUBLIC_TEXT_FIELDS.map((field) => ({ field, label: CARD_PUBLIC_TEXT_LABELS[field], text: card[field] ?? '', alias: field === 'alias' })),
    ctx,
    realNames,
  );
}

/** The findings a coordinator has not marked "不是个人信息". A real name typed at review cannot be dismissed. */
export function openFindings(findings: PrivacyFinding[], dismissals: PrivacyDismissal[]): PrivacyFinding[] {
  return findings.filter((f) => f.kind === 'real_name' || !dismissals.some((d) => d.field === f.field && d.kind === f.kind && d.found === f.found));
}

/** What identifies a child in text about the programme rather than a child (a campaign's name and summary). */
const CHILD_KINDS: readonly PrivacyKind[] = ['full_name', 'parent_name', 'surname', 'id_number', 'account', 'class'];

/**
 * The details in a public text about the programme that would identify a
 * child or a family, said in plain Chinese; null when there is none. The
 * school's own name, address and office phone belong in such texts.
 */
export function childDetailIn(text: string, label: string): string | null {
  // The schema's length check has refused a longer text already; valibot still runs this one.
  if (text.length > MAX_CHECKED) return null;
  const found = checkTexts([{ field: 'text', label, text }], { schoolNames: [], villageNames: [] }).filter((f) => CHILD_KINDS.includes(f.kind));
  return found.length ? `${found.map((f) => f.message).join('；')}：这里是所有人都能看到的介绍，请不要写孩子或家长的信息` : null;
}
