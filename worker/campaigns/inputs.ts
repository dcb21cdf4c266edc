import * as v from 'valibot';
import { isCalendarDay } from '#worker/platform/time.ts';
import { childDetailIn } from '#worker/privacy/index.ts';
import { printable, printableEach, printableLines, unixLines } from '#worker/platform/input/text-rules.ts';

/** Public words about the campaign pass the privacy gate's child-identity checks. */
const noChildDetails = (label: string) =>
  v.check((s: string) => childDetailIn(s, label) === null, (issue) => childDetailIn(String(issue.input), label) ?? '这里像是有孩子的个人信息');

const str = (message: string) => v.pipe(v.union([v.string(), v.number()], message), v.transform(String), v.trim());
const day = (message: string) => v.pipe(str(message), v.check(isCalendarDay, message));
const whole = (min: number, max: number, message: string) =>
  v.pipe(str(message), v.regex(/^\d{1,3}$/, message), v.transform(Number), v.minValue(min, message), v.maxValue(max, message));

/** The campaign's settings: one schema for the console form and PUT /api/admin/campaign. */
export const CampaignSchema = v.pipe(
  v.object({
    name: v.pipe(str('请填写活动名称'), v.nonEmpty('请填写活动名称'), v.maxLength(60, '活动名称不超过 60 个字'), printable('名称里有不能识别的字符'), noChildDetails('活动名称')),
    summary: v.pipe(v.optional(str('简介格式不对'), ''), unixLines, v.maxLength(300, '简介不超过 300 个字'), printableLines('简介里有不能识别的字符'), noChildDetails('简介')),
    startsOn: day('请填写开始日期，例如 2026-11-15'),
    claimDeadline: day('请填写认领截止日期，例如 2027-01-10'),
    dropoffDeadline: day('请填写礼物送达截止日期，例如 2027-01-25'),
    dropoffPlace: v.pipe(str('请填写送礼物的地点'), v.nonEmpty('请填写送礼物的地点（学校）'), v.maxLength(100, '地点不超过 100 个字'), printable('地点里有不能识别的字符')),
    valueGuide: v.pipe(str('请填写礼物价值建议'), v.nonEmpty('请填写礼物价值建议'), v.maxLength(60, '价值建议不超过 60 个字'), printable('这里有不能识别的字符')),
    claimCap: whole(1, 20, '每位志愿者同时认领的张数为 1 到 20'),
    approveWithinDays: whole(1, 60, '审核期限为 1 到 60 天'),
    deliverWithinDays: whole(1, 90, '送达期限为 1 到 90 天'),
    /** One village per line (or separated by commas): the privacy check refuses them in cards. */
    villageNames: v.pipe(
      v.optional(v.union([v.string(), v.array(v.string())]), ''),
      v.transform((x) => (Array.isArray(x) ? x : x.split(/[\n,，、]/)).map((s) => s.trim()).filter(Boolean)),
      v.maxLength(100, '村庄最多 100 个'),
      v.check((list) => list.every((s) => s.length <= 20), '每个村名不超过 20 个字'),
      printableEach('村名里有不能识别的字符'),
    ),
  }),
  // partialCheck runs even when other fields are wrong, so every message shows at once.
  v.forward(v.partialCheck([['startsOn'], ['claimDeadline']], (c) => c.startsOn < c.claimDeadline, '认领截止日期要晚于开始日期'), ['claimDeadline']),
  v.forward(v.partialCheck([['claimDeadline'], ['dropoffDeadline']], (c) => c.claimDeadline <= c.dropoffDeadline, '送达截止日期不能早于认领截止日期'), ['dropoffDeadline']),
);
export type CampaignInput = v.InferOutput<typeof CampaignSchema>;

/** The school's thank-you on a past campaign's public record: public words, so the privacy gate reads them. */
export const ThankYouSchema = v.object({
  thankYou: v.pipe(v.optional(str('感谢的话格式不对'), ''), unixLines, v.maxLength(500, '感谢的话不超过 500 个字'), printableLines('这里有不能识别的字符'), noChildDetails('感谢的话')),
});

/** Campaign operations name a campaign by its public slug (e.g. 2027-11). */
export const CampaignSlugSchema = v.object({
  slug: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, '活动地址不对')),
});

