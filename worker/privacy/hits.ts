/**
 * What the privacy gate's finders report: the kind of detail and where it is
 * in a view of the text. The finders know nothing of fields or messages.
 */
import { PRIVACY_KINDS, type PrivacyKind } from '#worker/vocabulary.ts';
import type { TextView } from './text-view';

export { PRIVACY_KINDS, type PrivacyKind };

/** What each kind is, said to a coordinator. */
export const PRIVACY_KIND_LABELS: Record<PrivacyKind, string> = {
  full_name: '像是一个人的姓名',
  parent_name: '像是家长或监护人的姓名',
  surname: '说出了姓氏',
  phone: '像是电话号码',
  id_number: '像是身份证号',
  account: '像是微信、QQ、抖音等账号',
  email_link: '是邮箱或网址',
  address: '是住址（村组、门牌、街道号码）',
  workplace: '是家长打工的厂或公司',
  school: '是学校的名称',
  village: '是村庄的名称',
  class: '是班级',
  real_name: '和您刚输入的真实姓名相同',
};

export interface Hit {
  kind: PrivacyKind;
  view: TextView;
  start: number;
  end: number;
}

/** Collects the hits of a regex's matches (or of one capture group: the regex then needs the `d` flag) in a view's text. */
export function regexHits(view: TextView, text: string, pattern: RegExp, kind: PrivacyKind, group = 0, keep: (m: RegExpExecArray) => boolean = () => true): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(pattern)) {
    if (!keep(m)) continue;
    const span: [number, number] | undefined = group ? m.indices?.[group] : [m.index, m.index + m[0].length];
    if (!span || span[0] === span[1]) continue;
    hits.push({ kind, view, start: span[0], end: span[1] });
  }
  return hits;
}
