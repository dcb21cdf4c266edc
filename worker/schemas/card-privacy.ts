import * as v from 'valibot';
import { CARD_PUBLIC_TEXT_FIELDS, MARKABLE_PRIVACY_KINDS } from '../domain/vocabulary';
import { printable, printableLines, unixLines } from './text-rules';

/**
 * Review of a card's wording. The coordinator may type the child's real name
 * and the guardians' names: they are checked against the card's words and
 * then forgotten (never stored, sent back, logged or audited).
 */
export const ReviewSchema = v.object({
  realNames: v.optional(
    v.pipe(v.string('请把姓名写成文字'), v.maxLength(200, '姓名一共不超过 200 个字'), printable('姓名里有不能识别的字符')),
    '',
  ),
});
export type ReviewInput = v.InferOutput<typeof ReviewSchema>;

/** A coordinator's judgement that one privacy finding is not personal information, with the reason. */
export const DismissFindingSchema = v.object({
  field: v.picklist(CARD_PUBLIC_TEXT_FIELDS, '请选择要标记的提示'),
  kind: v.picklist(MARKABLE_PRIVACY_KINDS, '电话、证件号、账号和网址不能标记为“不是个人信息”，请删掉或改写'),
  found: v.pipe(v.string('请选择要标记的提示'), v.nonEmpty('请选择要标记的提示'), v.maxLength(300, '请选择要标记的提示')),
  reason: v.pipe(
    v.string('请写明为什么这不是个人信息'),
    unixLines,
    v.trim(),
    v.minLength(2, '请写明为什么这不是个人信息，例如：这是书的作者'),
    v.maxLength(200, '原因不超过 200 个字'),
    printableLines('原因里有不能识别的字符'),
  ),
});
export type DismissFindingInput = v.InferOutput<typeof DismissFindingSchema>;
