/**
 * Phone and ID numbers, accounts (WeChat, QQ, Douyin, Kuaishou), e-mail
 * addresses and links. Read in the digits view, so 一三八…, 幺 and 壹贰叁
 * count as digits, and full-width digits were made ASCII before.
 */
import { regexHits, type Hit } from './hits';
import { squeezed, type TextView } from './text-view';

/** Separators people put inside a number: spaces, dashes, dots, slashes, commas. */
const SEP = String.raw`[\s\-./_·—–,]`;
const DIGIT_RUN = new RegExp(String.raw`\d(?:${SEP}{0,3}\d)+x?`, 'g');
/** Words before a number that say it is a contact or an account. */
const CONTACT_CUE = /(微信|wei\s?xin|weixin|wechat|vx|v信|wx|威信|薇信|徽信|qq|扣扣|企鹅|抖音|快手|小红书|dy|ks|号码|电话|手机|座机|联系|打给|拨打|tel|call)[^\d]{0,6}$/;
/** What may follow a number range that is a size, a price or an amount, not a phone number. */
const UNIT_AFTER = /^\s*(元|块|码|岁|cm|厘米|公分|米|m\b|mm|毫米|克|g\b|斤|公斤|kg|本|个|页|片|号|度|分|件|支|色|人|块钱|左右|以内)/;

const YEAR = String.raw`(?:19|20)\d\d`;
const DATE = new RegExp(String.raw`^${YEAR}\s*[-./]\s*(0?[1-9]|1[0-2])\s*[-./]\s*(0?[1-9]|[12]\d|3[01])$|^${YEAR}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$`);
const RANGE = /^(\d{1,5})\s*[-—–]\s*(\d{1,5})$/;
const YEAR_RANGE = new RegExp(String.raw`^${YEAR}\s*[-—–/]\s*${YEAR}$`);

/** Runs of 7 or more digits that are not a date, a year range or a priced range; fewer after a contact word. */
function numberHits(view: TextView): Hit[] {
  const hits: Hit[] = [];
  for (const m of view.digits.matchAll(DIGIT_RUN)) {
    const run = m[0];
    const count = run.replace(/[^\dx]/g, '').length;
    const before = view.digits.slice(Math.max(0, m.index - 12), m.index);
    const cued = CONTACT_CUE.test(before);
    if (count < 7 && !(cued && count >= 5)) continue;
    if (DATE.test(run) || YEAR_RANGE.test(run)) continue;
    // 3.1415926: a decimal (one dot after at most three digits), not a number split by a dot.
    if (/^\d{1,3}\.\d+$/.test(run)) continue;
    // Sums a child copied from a lesson: 12345679×9=111111111.
    if (/[×*=÷]\s*$/.test(before) || /^\s*[×*=+÷]/.test(view.digits.slice(m.index + run.length))) continue;
    if (RANGE.test(run) && UNIT_AFTER.test(view.digits.slice(m.index + run.length))) continue;
    const digits = run.replace(/[^\dx]/g, '');
    const id = digits.length === 18 || digits.length === 15;
    const kind = id ? 'id_number' : /(微信|vx|v信|wx|qq|扣扣|企鹅|抖音|快手|小红书|dy|ks)/.test(before) ? 'account' : 'phone';
    hits.push({ kind, view, start: m.index, end: m.index + run.length });
  }
  return hits;
}

/** An account id after its cue word (微信号 abc123, QQ：12345, vx: …), and WeChat's own wxid_ ids anywhere. */
const ACCOUNT = /(?:微信|微博|wei\s?xin|weixin|wechat|vx|v信|v(?=\s*:)|wx|威信|薇信|徽信|qq|扣扣|企鹅|抖音|快手|小红书|dy|ks|账号|帐号|id)\s*(?:号码|号|hao|id|账号)?[^a-z0-9,.!?;，。！？；]{0,8}?(?:是|为|:|=|-)?\s*([a-z0-9][a-z0-9_.-]{4,})/dg;
const WXID = /wxid_[a-z0-9_-]{3,}/g;
/** Ids that look like accounts wherever they stand: huangjiahao_gx, xiaoyu2015 (letters, then three or more digits). */
const ID_LIKE = /(?<![a-z0-9@.])(?:[a-z][a-z0-9]*_[a-z0-9_]+|[a-z]{2,}\d{3,})(?![a-z0-9@])/g;
/** An account by its display name, quoted after the app: 快手搜“阿强在东莞”. */
const QUOTED_ACCOUNT = /(?:抖音|快手|小红书|微博|b站|视频号|微信|qq)(?:号|搜|上搜|名|名字|叫|昵称)?\s*[:：]?\s*[“"「『]([^”"」』]{2,20})[”"」』]/dgu;
/** The same without quotes, up to where the sentence goes on: 快手上搜甜甜爱跳舞2015就是我孙女, 抖音叫打工人老杨6688. */
const NAMED_ACCOUNT = /(?:抖音|快手|小红书|微博|视频号)(?:上)?(?:号|搜|名|名字|叫|昵称|id)\s*[:：是]?\s*([^\s,.!?;，。！？；“”"]{2,16}?)(?=就是|就|你们|可以|孩子|我|[\s,.!?;，。！？；]|$)/dgu;
/** A handle: @小雨爱画画0312 (not the @ of an e-mail address). */
const HANDLE = /(?<![a-z0-9._%+-])@[^\s@,.!?;:，。！？；：、]{2,}/gu;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*(?:\.[a-z]{2,}|(?<=@(?:qq|163|126|sina|gmail|foxmail|outlook|hotmail|yahoo)))/g;
const LINK = /(?:https?:\/\/|www\.)[^\s，。！？、]+|\b[a-z0-9-]{2,}\.(?:com|cn|net|org|top|cc|vip|xyz|tv|io|me|co|ly|la|app|link|site)\b|\b[a-z0-9-]{2,}\.[a-z]{2,6}\/[a-z0-9/_.-]+/gi;
/** An e-mail address spelled out to pass a filter: lixh88 艾特 qq 点 com. */
const SPELLED_EMAIL = /(?<![a-z0-9._-])[a-z0-9._-]{3,40}\s{0,3}(?:艾特|at|圈a|\(at\)|#)\s{0,3}[a-z0-9-]{1,30}\s{0,3}(?:点|dot|\.)\s{0,3}(?:com|cn|net|org)\b/g;

/** What a count of digits skips: numbers with a unit (12月, 300元, 3本) or an ordinal (第2). */
const COUNTED = /(?<!第)\d+(?![\d.]*\s*(?:元|块|年|月|日|号|岁|本|个|支|件|张|次|天|点|分|米|厘米|cm|码|斤|公斤|kg|名|位数|页|色|层|楼))/g;

/** A number given in pieces after a contact word: 前三位是152，中间四位3366，最后是7081. */
function piecesHits(view: TextView): Hit[] {
  const hits: Hit[] = [];
  for (const m of view.digits.matchAll(/(手机|电话|号码|联系|微信|qq|扣扣)[^。！？!?\n]{0,40}/g)) {
    const pieces = [...m[0].matchAll(COUNTED)];
    // One run of 7 or more digits is a number on its own (numberHits); this is for numbers in pieces.
    if (pieces.some((d) => d[0].length >= 7) || pieces.map((d) => d[0]).join('').length < 7) continue;
    const first = pieces[0]!;
    const last = pieces[pieces.length - 1]!;
    hits.push({ kind: 'phone', view, start: m.index + first.index, end: m.index + last.index + last[0].length });
  }
  return hits;
}

/** Every number, account, e-mail address and link in the text. */
export function findNumbers(view: TextView): Hit[] {
  const spaceless = squeezed(view, /\s/u);
  return [
    ...numberHits(view),
    ...piecesHits(view),
    ...regexHits(view, view.digits, ACCOUNT, 'account', 1, (m) => /[a-z]/.test(m[1]!) || (m[1]!.match(/\d/g)?.length ?? 0) >= 5),
    ...regexHits(view, view.text, WXID, 'account'),
    ...regexHits(view, view.text, ID_LIKE, 'account'),
    ...regexHits(view, view.text, HANDLE, 'account'),
    ...regexHits(view, view.text, QUOTED_ACCOUNT, 'account', 1),
    ...regexHits(view, view.text, NAMED_ACCOUNT, 'account', 1),
    // w a n g j u n八八艾特qq点com: spelled out with spaces and Chinese numerals.
    ...regexHits(spaceless, spaceless.digits, SPELLED_EMAIL, 'email_link'),
    ...regexHits(view, view.text, EMAIL, 'email_link'),
    ...regexHits(view, view.text, LINK, 'email_link'),
    ...regexHits(view, view.text, SPELLED_EMAIL, 'email_link'),
  ];
}
