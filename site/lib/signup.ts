import * as v from 'valibot';
import { CardCodeSchema } from '#worker/cards/index.ts';
/** The sign-up form's fields and their Chinese labels (error summary and form). */
export const SIGNUP_LABELS = {
  name: '姓名',
  mobile: '手机号',
  email: '电子邮箱（可不填）',
  town: '住在哪个镇或区',
  helpTypes: '想怎样帮忙（可多选）',
  availability: '什么时候有空（可不填）',
  note: '想对学校说的话（可不填）',
  agreeCode: '儿童保护守则',
  agreePrivacy: '隐私说明',
} as const;


/** Where to go back to after signing up or opening a link: only a card on the wall, its code exactly as codes are written. */
export function safeCardPath(next: string | null | undefined): string | null {
  const code = next?.startsWith('/wall/') ? next.slice('/wall/'.length) : null;
  const parsed = code ? v.safeParse(CardCodeSchema, code) : null;
  return parsed?.success && parsed.output === code ? next! : null;
}
