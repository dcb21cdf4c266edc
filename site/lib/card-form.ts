import type { ConsoleCard } from '#worker/cards/index.ts';
import { CARD_CATEGORIES, CARD_CATEGORY_LABELS, CONSENT_METHODS, CONSENT_METHOD_LABELS, GRADE_BANDS, GRADE_BAND_LABELS } from '#worker/vocabulary.ts';

/** The card form's fields, in order, with their Chinese labels. */
export const CARD_LABELS = {
  alias: '称呼（小名，不写姓）',
  age: '年龄',
  gradeBand: '年级段',
  category: '心愿类别',
  wish: '心愿（孩子自己的话）',
  sizeNote: '尺码说明（衣物、鞋子才填）',
  handoutRef: '学校登记编号（仅协调员可见）',
  consentOn: '监护人同意公开的日期',
  consentMethod: '监护人同意的方式',
  notes: '备注（仅协调员可见）',
} as const;

export const GRADE_OPTIONS = GRADE_BANDS.map((g) => [g, GRADE_BAND_LABELS[g]] as const);
export const CATEGORY_OPTIONS = CARD_CATEGORIES.map((c) => [c, CARD_CATEGORY_LABELS[c]] as const);
export const CONSENT_OPTIONS = CONSENT_METHODS.map((m) => [m, CONSENT_METHOD_LABELS[m]] as const);

export type CardFormValues = Record<keyof typeof CARD_LABELS, string>;

export const EMPTY_CARD: CardFormValues = {
  alias: '', age: '', gradeBand: '', category: '', wish: '', sizeNote: '', handoutRef: '', consentOn: '', consentMethod: '', notes: '',
};

/** A stored card as form values. */
export function cardValues(card: ConsoleCard): CardFormValues {
  return {
    alias: card.alias,
    age: String(card.age),
    gradeBand: card.gradeBand,
    category: card.category,
    wish: card.wish,
    sizeNote: card.sizeNote ?? '',
    handoutRef: card.handoutRef,
    consentOn: card.consentOn ?? '',
    consentMethod: card.consentMethod ?? '',
    notes: card.notes,
  };
}

/** What was posted, kept as typed so the form can come back with it. */
export function postedValues(data: Record<string, string>): CardFormValues {
  return Object.fromEntries(Object.keys(EMPTY_CARD).map((k) => [k, (data[k] ?? '').slice(0, 1000)])) as CardFormValues;
}
