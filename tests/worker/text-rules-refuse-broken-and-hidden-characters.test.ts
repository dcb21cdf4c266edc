import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AuditFilterSchema } from '#worker/audit/index.ts';
import { CampaignSchema } from '#worker/campaigns/index.ts';
import { CardFieldsSchema, CardFilterSchema, WithdrawSchema } from '#worker/cards/index.ts';
import { fieldMessages } from '#worker/platform/input/field-messages.ts';
import { LoginSchema, NewPasswordSchema } from '#worker/console/index.ts';
import { BROKEN_CHARACTER_MESSAGE, DIRECTION_MARK_MESSAGE, textProblem } from '#worker/platform/input/text-rules.ts';
import { RejectSchema, VolunteerSignupSchema } from '#worker/volunteers/index.ts';
import { VolunteerFilterSchema } from '#worker/volunteers/index.ts';

/** Lone halves of a UTF-16 pair, and a pair in the wrong order. */
const BROKEN = ['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800'];
/** A code unit as \uXXXX, to name a case in a failure. */
const show = (s: string) => [...s].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** Every direction mark, override and isolate the rules name. */
const DIRECTION = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('textProblem', () => {
  it('refuses a lone surrogate in every kind of text, passwords included', () => {
    for (const bad of BROKEN) {
      for (const kind of ['line', 'lines', 'secret'] as const) expect(textProblem(`小${bad}雨`, kind, 'control'), `${kind} ${show(bad)}`).toBe(BROKEN_CHARACTER_MESSAGE);
    }
  });

  it('keeps whole characters outside the basic plane (emoji, rare hanzi) that need a surrogate pair', () => {
    for (const kind of ['line', 'lines', 'secret'] as const) expect(textProblem('小雨🎁𠮷', kind, 'control')).toBeNull();
  });

  it('refuses direction marks, overrides and isolates on one line, not in multi-line text or secrets', () => {
    for (const mark of DIRECTION) {
      expect(textProblem(`张${mark}三`, 'line', 'control'), show(mark)).toBe(DIRECTION_MARK_MESSAGE);
      expect(textProblem(`张${mark}三`, 'lines', 'control'), show(mark)).toBeNull();
      expect(textProblem(`张${mark}三`, 'secret', 'control'), show(mark)).toBeNull();
    }
  });

  it('refuses control characters with the field’s own message; a line break only where lines are allowed', () => {
    expect(textProblem('a\u0000b', 'line', 'control')).toBe('control');
    expect(textProblem('a\u001bb', 'lines', 'control')).toBe('control');
    expect(textProblem('a\nb', 'line', 'control')).toBe('control');
    expect(textProblem('a\nb', 'lines', 'control')).toBeNull();
    expect(textProblem('a\u0000b', 'secret', 'control')).toBeNull();
  });
});

const CARD = { alias: '小雨', age: '9', gradeBand: 'middle_primary', category: 'books', wish: '想要一本字典。', sizeNote: '140 码', handoutRef: 'REG-2026-77', consentOn: '', consentMethod: '', notes: '班主任填写' };
const SIGNUP = { name: '王测试', mobile: '13912340000', email: 'x@example.org', town: '青石镇', helpTypes: ['wish_cards'], availability: '周末', note: '退休老师', agreeCode: true, agreePrivacy: true };
const CAMPAIGN = { name: '冬季心愿', summary: '过年前的心愿', startsOn: '2026-11-01', claimDeadline: '2027-01-10', dropoffDeadline: '2027-01-20', dropoffPlace: '学校传达室', valueGuide: '100 元以内', claimCap: '3', approveWithinDays: '7', deliverWithinDays: '14', villageNames: '上村\n下村' };

/** Each input: its schema, a valid value, its one-line fields and its multi-line fields. */
const INPUTS: { name: string; schema: v.GenericSchema; valid: Record<string, unknown>; line: string[]; lines: string[]; secret?: string[] }[] = [
  { name: 'card', schema: CardFieldsSchema, valid: CARD, line: ['alias', 'sizeNote', 'handoutRef'], lines: ['wish', 'notes'] },
  { name: 'sign-up', schema: VolunteerSignupSchema, valid: SIGNUP, line: ['name', 'email', 'town', 'availability'], lines: ['note'] },
  { name: 'campaign', schema: CampaignSchema, valid: CAMPAIGN, line: ['name', 'dropoffPlace', 'valueGuide', 'villageNames'], lines: ['summary'] },
  { name: 'withdrawal reason', schema: WithdrawSchema, valid: { reason: '孩子转学了' }, line: [], lines: ['reason'] },
  { name: 'rejection reason', schema: RejectSchema, valid: { reason: '请先参加培训' }, line: [], lines: ['reason'] },
  { name: 'login', schema: LoginSchema, valid: { username: 'demo', password: 'a long pass phrase' }, line: ['username'], lines: [], secret: ['password'] },
  { name: 'card filter', schema: CardFilterSchema, valid: { q: '小雨' }, line: ['q'], lines: [] },
  { name: 'volunteer filter', schema: VolunteerFilterSchema, valid: { q: '王' }, line: ['q'], lines: [] },
  { name: 'audit filter', schema: AuditFilterSchema, valid: { actor: 'demo' }, line: ['actor'], lines: [] },
];

/** The valid value with `bad` slipped in after its first character. */
const spoil = (value: unknown, bad: string) => {
  const s = String(value);
  return s.slice(0, 1) + bad + s.slice(1);
};

function messagesFor(schema: v.GenericSchema, input: Record<string, unknown>) {
  const result = v.safeParse(schema, input);
  return result.success ? {} : fieldMessages(result.issues);
}

describe.each(INPUTS)('the $name schema', ({ schema, valid, line, lines, secret = [] }) => {
  it('accepts the valid value', () => {
    expect(messagesFor(schema, valid)).toEqual({});
  });

  it.each([...line, ...lines, ...secret])('refuses a lone surrogate in %s, naming the field in plain Chinese', (field) => {
    for (const bad of BROKEN) expect(messagesFor(schema, { ...valid, [field]: spoil(valid[field], bad) })).toEqual({ [field]: BROKEN_CHARACTER_MESSAGE });
  });

  it.runIf(line.length > 0).each(line)('refuses direction marks in the one-line field %s', (field) => {
    for (const mark of DIRECTION) expect(messagesFor(schema, { ...valid, [field]: spoil(valid[field], mark) }), show(mark)).toEqual({ [field]: DIRECTION_MARK_MESSAGE });
  });
});

describe('new passwords (the coordinator command)', () => {
  it('refuses a broken character, which would hash like U+FFFD', () => {
    expect(v.safeParse(NewPasswordSchema, 'a long pass phrase\ud800').success).toBe(false);
    expect(v.safeParse(NewPasswordSchema, 'a long pass phrase 🎁').success).toBe(true);
  });
});
