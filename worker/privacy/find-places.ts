/**
 * Where a child can be found: home (村, 组, 社, 队, 门牌, a street with a
 * number), the school and its short forms, the villages the school serves,
 * the factory or company where a parent works, and the class.
 */
import { regexHits, type Hit } from './hits';
import { FAMOUS } from './name-lists';
import type { TextView } from './text-view';

const CJK = String.raw`\p{Script=Han}`;
const NUM = String.raw`[\d一二三四五六七八九十两]`;
/** Characters that end a place name when reading backwards from 村, 厂, 小学…: words of a sentence, not of a name. */
const NOT_IN_NAME = '在回去到从和跟与的了是个这那我你他她们住家里上下进出离过往向把被给让叫有读念想要';

/** A character of a place's name (里 allowed: 湖里区). */
const PLACE_CHAR = String.raw`[^${NOT_IN_NAME.replace('里', '')}\P{Script=Han}]`;

/** The name part before a suffix: Han characters, not sentence words, `min` or more. */
const namedBefore = (suffix: string, min: number, max = 8) => new RegExp(String.raw`(?:[^${NOT_IN_NAME}\P{Script=Han}]){${min},${max}}(?:${suffix})`, 'gu');

/** Villages and hamlets: 石桥村, 王家庄, 李家湾; not 农村, 乡村, 全村. */
const VILLAGE = namedBefore('村(?![里口子民委头上外])|[家]庄|[家]寨|[家]湾|[家]坝|[家]沟|[家]坪|[家]屯', 1, 4);
const ORDINARY_VILLAGE = /^(农|乡|山|渔|本|全|同|邻|各|该|咱|俺|新农|地球|每个|一个|整个|附近|隔壁|希望|美丽|新)(村|庄|寨)/;

const ADDRESS = [
  // 三组, 5社, 二队 after a village or a "lives at"; 社 and 队 with a number alone are addresses in the south-west.
  new RegExp(String.raw`(?:村|社区|大队|屯|寨|湾|家在|住在|家住|住|在)\s*第?${NUM}{1,3}\s*(?:组|社|队|小组|号)`, 'gu'),
  new RegExp(String.raw`(?<![第每])[\d一二三四五六七八九十]{1,3}\s*(?:社|队)(?![员会区团长旗伍友])`, 'gu'),
  // 幸福路88号, 人民街12号, 建设巷3号, 人民路中段143号
  new RegExp(String.raw`${CJK}{1,6}(?:路|街|巷|弄|胡同|大道|大街)${CJK}{0,3}?\s*\d{1,5}\s*(?:号|弄|栋|巷|附)?`, 'gu'),
  new RegExp(String.raw`${CJK}{1,6}(?:路|街|巷|弄|胡同|大道|大街)\s*[一二三四五六七八九十百零〇两]{1,5}\s*号`, 'gu'),
  // 东风队25号, 地苏社区, 都安县地苏镇: a named community, or a county and its town.
  new RegExp(String.raw`(?:社区|队|组|社|屯|村)\s*\d{1,4}\s*号`, 'gu'),
  new RegExp(String.raw`${PLACE_CHAR}{2,4}社区|${PLACE_CHAR}{2,4}县${PLACE_CHAR}{2,4}(?:镇|乡)`, 'gu'),
  // 我家是老街口卖米粉的那家
  /(?:我家|我们家)(?:是|在)[^,.!?;，。！？；]{2,16}(?:那家|那户|那栋|那间)/gu,
  // 3栋2单元501, 5号楼, 2单元, 门牌 12
  // Where home is, told as a way there: 住在…第三家, 家在…路口往里走, 住在…后面那栋楼; or where to send things.
  new RegExp(String.raw`(?:住在|家在|家住|住|家就在|家就是|家是)[^.!?;。！？；]{0,16}?(?:第${NUM}{1,3}\s*(?:家|户|栋|排|间|个门)|${NUM}{1,2}楼|旁边|后面|后头|边上|挨着|对面|隔壁|路口|交叉口|门口|往里走|往前|过去|左手边|右手边|斜对面)`, 'gu'),
  // 村口小卖部后面第二家, 石拱桥过去左手边那家: a way to a door, with or without "home".
  new RegExp(String.raw`(?:后面|后头|旁边|边上|对面|隔壁|过去|往前|往里|左手边|右手边)[^,.!?;，。！？；]{0,10}?(?:第${NUM}{1,2}\s*(?:家|户)|那家|那户|那个院子|那栋|那个木房子|那间)`, 'gu'),
  // 阳光花园小区, 粮站家属院: a named housing estate.
  new RegExp(String.raw`${PLACE_CHAR}{2,6}(?:小区|家属院|家属区|花园|公寓|新村)(?![里])`, 'gu'),
  // Where to send things, unless it is the school (where gifts go).
  /(?:寄到|送到|邮到|寄给我|快递到|地址是|地址:)(?!\s*(?:学校|我们学校|校|班|学校门卫))[^,.!?;，。！？；]{2,}/gu,
  // 村口小卖部旁边那家就是我家
  /[^,.!?;，。！？；]{0,12}(?:旁边|对面|隔壁|后面|前面|斜对面)[^,.!?;，。！？；]{0,6}(?:就是我家|是我家|是我们家)/gu,
  // 家在老鹰岩山顶上, 从白沙河水电站往上走: home told by a named landmark near it.
  new RegExp(String.raw`(?:家在|我家|家住|住在)[^。！？!?;；]{0,24}?${PLACE_CHAR}{2,4}(?:水电站|电站|水库|信号塔|土地庙|庙|岩|山顶|山脚|桥头|场口)`, 'gu'),
  // 在龙凤乡场口: a named township and the spot in it.
  new RegExp(String.raw`${PLACE_CHAR}{2,4}(?:乡|镇)(?:场口|场上|街上|街口|车站)`, 'gu'),
  // 老家在贵州省毕节市七星关区阿市乡: home down to the township.
  new RegExp(String.raw`(?:老家在|老家是|家在|家住|住在)[^,.!?;，。！？；]{0,16}?${PLACE_CHAR}{2,4}(?:乡|镇|街道)(?![上里])`, 'gu'),
  // 田坝组, 水井湾, 坳上 after "lives at": hamlets people name by their landscape.
  new RegExp(String.raw`(?<=(?:住在|家在|家住|住|家是)[^,.!?;，。！？；]{0,8})[^${NOT_IN_NAME}\P{Script=Han}]{1,4}(?:组|社|队|湾|坝|坪|沟|岭|垭|坳|寨|屯|塘|冲|岗|铺|营|堡)`, 'gu'),
  new RegExp(String.raw`(?<!第\s*)\d{1,4}\s*(?:栋|幢|号楼|单元|室)|\d{1,4}\s*-\s*\d{1,4}\s*-\s*\d{1,4}|门牌\s*(?:号)?\s*[:是]?\s*\w*`, 'gu'),
];

/** A named factory, company or site: 长安电子厂, 某某公司; not 工厂, 鞋厂. */
const WORKPLACE = namedBefore('养猪场|养殖场|农场|林场|砖厂|厂|公司|集团|工业园|科技园|工地|车间|加工点|作坊', 2, 10);
/** A factory in a named district or town: 温州瑞安的鞋厂, 厦门湖里区的鞋厂; not 广州的工厂. */
const WORKPLACE_IN_PLACE = new RegExp(String.raw`(?:${PLACE_CHAR}{4,10}|${PLACE_CHAR}{1,8}(?:区|镇|县|乡|街道))的${PLACE_CHAR}{0,6}(?:厂|公司|集团|工业园|工地|车间|煤矿|矿|码头|港)`, 'gu');
/**
 * Where a parent works, told precisely enough to find them: 在宁波北仑港码头开吊车,
 * 在温州瑞安的华丰鞋业上班, 在义乌国际商贸城二区卖袜子. A city alone (在广州打工) is not.
 */
const WORK_CLAUSE = /(?<=(?:爸|妈|爹|娘|父|母|爷|奶|叔|姨|舅|姑|哥|姐|他|她)[^,.!?;，。！？；]{0,6})(?:在|进)([^,.!?;，。！？；]{2,20}?)(?:上班|打工|工作|做工|干活|下井|开|送|卖|做|当|搬|分|装|修|搞|扫|洗)/gu;
/** Cities where parents work: saying which one does not find a family (在广州打工, 苏州厂里). */
const BIG_CITIES = /北京|上海|广州|深圳|东莞|佛山|中山|惠州|苏州|昆山|杭州|宁波|温州|义乌|南京|无锡|常州|厦门|泉州|福州|成都|重庆|武汉|长沙|天津|郑州|西安|广东|浙江|江苏|福建/gu;
const WORK_PLACE_WORDS = /(区|港|码头|站点|业|市场|商贸城|商城|工地|矿|鞋业|服饰|制衣|电子|科技|实业|物流|纺织|机械|建材|食品|五金|塑胶|包装|印刷|酒店|饭店|餐馆|超市|仓库|机场|车站|物流园)/u;
function workClauseHits(view: TextView): Hit[] {
  const hits: Hit[] = [];
  for (const m of view.text.matchAll(WORK_CLAUSE)) {
    const place = m[1]!;
    const named = place.replace(BIG_CITIES, '').replace(/[省市的里上外面个一家那这]/gu, '');
    const word = named.match(WORK_PLACE_WORDS);
    if (named.length >= 6 || (word && named.replace(word[0], '').length >= 2)) {
      const start = m.index + m[0].indexOf(place);
      hits.push({ kind: 'workplace', view, start, end: start + place.length });
    }
  }
  return hits;
}

/** Big employers of migrant workers, named when a parent works there. */
const EMPLOYER = /(?:在|进|去)(富士康|比亚迪|立讯|蓝思|歌尔|伟创力|和硕|纬创|仁宝|京东方|欧菲光|闻泰)|(美的|格力|海尔|富士康|比亚迪)的?(?:工厂|厂|公司|上班|打工|工作)/dgu;

/** Schools by their short numbered names: 城关二小, 县一中, 实验三小; not 一小时. */
const NUMBERED_SCHOOL = new RegExp(String.raw`${PLACE_CHAR}{1,4}[一二三四五六七八九十\d](?:小|中)(?![学时朋孩姐哥弟妹心点些块半步会儿])`, 'gu');

/** A school named by a proper name: 红星小学, 青石中心校; not 上小学, 我们学校. */
const SCHOOL = namedBefore('中心小学|中心校|完全小学|完小|小学|中学|初中|中心学校|幼儿园', 2, 6);
const SCHOOL_SUFFIX = /(中心小学|中心校|完全小学|完小|小学|中学|初中|中心学校|幼儿园)$/;
const ORDINARY_SCHOOL = /^(希望|我们|咱们|你们|他们|附近|村里|镇上|县里|城里|乡里|一所|这所|那所|新的|好的|重点|寄宿|私立|公立|贵族)(?:中心小学|中心校|完全小学|完小|小学|中学|初中|中心学校|幼儿园)$/u;

const CLASS = [
  // 三年级二班, 4年级(1)班, 四(3)班, 初一3班, 五年级甲班, 三年2班
  new RegExp(String.raw`(?:${NUM}|初[一二三123]|高[一二三123])\s*(?:年级|年)?\s*\(?\s*(?:${NUM}{1,3}|[甲乙丙丁])\s*\)?\s*班`, 'gu'),
  // 302班, (2)班, 二班 — not 班会, 班车, 上班
  new RegExp(String.raw`(?<![上下加值跟排轮早晚夜全同每各整本哪插分换接交领])\(?\s*${NUM}{1,4}\s*\)?\s*班(?![会车长级主任干部委费子])`, 'gu'),
  new RegExp(String.raw`[甲乙丙丁]\s*班(?![会车长])`, 'gu'),
  // 班级：501 — a class given as a spreadsheet label and its number.
  /班级?\s*[:：]?\s*\d{1,4}(?:\s*[-—(]\s*\d{1,2}\)?)?(?!\s*(?:名|人|个|元|岁))/gu,
];

/** The school's name and the short forms people use for it. */
function schoolForms(name: string): string[] {
  const plain = name.replace(/\([^)]*\)|（[^）]*）/g, '').trim();
  const core = plain.replace(/(中心小学|中心校|完全小学|完小|小学|中学|初级中学|九年一贯制学校|学校)$/, '').replace(/(镇|乡|街道)$/, '');
  if (core.length < 2) return [plain];
  const places = ['', '镇', '乡'];
  const kinds = ['中心小学', '中心校', '中心学校', '完全小学', '完小', '小学', '中学', '学校', '小'];
  return [plain, ...places.flatMap((p) => kinds.map((k) => core + p + k))];
}

export interface PlaceContext {
  /** The school's name (and any other names it is known by). */
  schoolNames: string[];
  /** Villages the school serves, as configured by coordinators. */
  villageNames: string[];
}

/** Place-name characters people swap for one that sounds the same (下河弯 for 下河湾). */
const SOUNDALIKE: Record<string, string> = { 弯: '湾', 邨: '村', 莊: '庄', 垻: '坝', 塆: '湾' };
const soundalike = (s: string) => s.replace(/[弯邨莊垻塆]/g, (c) => SOUNDALIKE[c]!);

const literalHits = (view: TextView, text: string, words: string[], kind: Hit['kind']): Hit[] =>
  words
    .map((w) => soundalike(w.normalize('NFKC').toLowerCase()))
    .filter((w) => w.length >= 2)
    .flatMap((w) => {
      const hits: Hit[] = [];
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) hits.push({ kind, view, start: at, end: at + w.length });
      return hits;
    });

/** Every place, school, workplace and class in the text. */
export function findPlaces(view: TextView, ctx: PlaceContext): Hit[] {
  const text = view.text;
  return [
    ...regexHits(view, text, VILLAGE, 'village', 0, (m) => !ORDINARY_VILLAGE.test(m[0])),
    ...ADDRESS.flatMap((re) => regexHits(view, text, re, 'address')),
    // 三栋二单元五零一, 二号楼: buildings and rooms in Chinese numerals, read in the digits view.
    ...regexHits(view, view.digits, ADDRESS[ADDRESS.length - 1]!, 'address', 0, (m) => !/^1\s*(栋|幢)/.test(m[0]) || /单元|室/.test(view.digits.slice(m.index, m.index + 12))),
    ...regexHits(view, text, WORKPLACE, 'workplace', 0,  (m) => !/^(工|大|小|那个|这个|一个|一家|那家|这家|外地|外面|城里|镇上|县里)/.test(m[0]) && !/^.{0,2}工厂$/u.test(m[0]) && m[0].replace(BIG_CITIES, '').length >= 3),
    ...regexHits(view, text, WORKPLACE_IN_PLACE, 'workplace'),
    ...workClauseHits(view),
    ...regexHits(view, text, EMPLOYER, 'workplace', 1),
    ...regexHits(view, text, EMPLOYER, 'workplace', 2),
    // 一本初中数学书: a measure word before 初中/小学 is a book, not a school's name.
    ...regexHits(view, text, SCHOOL, 'school', 0, (m) => !ORDINARY_SCHOOL.test(m[0]) && !/[本套册个张些]$/.test(m[0].replace(SCHOOL_SUFFIX, ''))),
    ...regexHits(view, text, NUMBERED_SCHOOL, 'school', 0, (m) => !/^(考|上|读|在|去|第)/.test(m[0]) && !FAMOUS.some((f) => m[0].includes(f))),
    ...literalHits(view, soundalike(text), ctx.schoolNames.flatMap(schoolForms), 'school'),
    ...literalHits(view, soundalike(text), ctx.villageNames, 'village'),
    // 一班同学 is "a crowd of classmates" as often as "class one".
    ...CLASS.flatMap((re) => regexHits(view, text, re, 'class', 0, (m) => !(m[0] === '一班' && /^(同学|人|朋友|小朋友|孩子)/.test(text.slice(m.index + 2))))),
    // 叁年级贰班: capital numerals, read in the digits view.
    ...regexHits(view, view.digits, CLASS[0]!, 'class'),
  ];
}
