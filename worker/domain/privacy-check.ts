/**
 * The privacy check that runs on every card save and import: it finds what
 * looks like a child's identity in the public words of a card (alias, wish,
 * size note) and blocks publishing until a coordinator rewrites it. It errs
 * on the side of flagging: a false alarm costs a coordinator a minute, a
 * missed name exposes a child.
 */

/** Common Chinese surnames (the most frequent single-character ones). */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(''),
);
/** Two-character surnames. */
const DOUBLE_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '尉迟', '公孙', '长孙', '宇文', '司徒', '夏侯'];
/** Nicknames that begin with a surname character but are ordinary words. */
const NICKNAME_WORDS = new Set(['石头', '金豆', '金宝', '小满', '明天', '安心', '乐天', '方方', '高高', '米粒', '丁丁', '龙龙', '阳光']);
/** Words after a surname character that make it a form of address, not a name. */
const TITLES = /^(老师|校长|阿姨|叔叔|爷爷|奶奶|伯伯|医生|同学|妈妈|爸爸)/;
/** Phrases that introduce a name in a child's own words. */
const NAME_CUES = /(我叫|名字叫|名字是|我的名字|姓)\s*([\u4e00-\u9fff]{2,4})/g;
const CJK_NUM = '一二三四五六七八九十';

export type PrivacyKind = 'full_name' | 'number' | 'school' | 'village' | 'class';

export interface PrivacyFinding {
  field: 'alias' | 'wish' | 'sizeNote';
  kind: PrivacyKind;
  /** The exact text found, so the coordinator sees what to change. */
  found: string;
  message: string;
}

export interface PrivacyContext {
  /** The school's name and short forms. */
  schoolNames: string[];
  /** Villages the school serves, as configured by coordinators. */
  villageNames: string[];
}

const FIELD_LABELS = { alias: '称呼', wish: '心愿', sizeNote: '尺码说明' } as const;

function looksLikeFullName(word: string): boolean {
  const double = DOUBLE_SURNAMES.find((s) => word.startsWith(s));
  const rest = double ? word.slice(double.length) : word.slice(1);
  if (!double && !SURNAMES.has(word[0]!)) return false;
  if (rest.length < 1 || rest.length > 2 || TITLES.test(rest)) return false;
  // 乐乐, 明明: a doubled character is a nickname, not surname + name.
  if (!double && word.length === 2 && word[0] === word[1]) return false;
  return !NICKNAME_WORDS.has(word);
}

function scan(field: PrivacyFinding['field'], text: string, ctx: PrivacyContext): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  const add = (kind: PrivacyKind, found: string, what: string) =>
    out.push({ field, kind, found, message: `${FIELD_LABELS[field]}里的“${found}”${what}，请改写后再发布` });

  if (field === 'alias') {
    const alias = text.trim();
    if (/^[\u4e00-\u9fff]{2,4}$/.test(alias) && looksLikeFullName(alias)) add('full_name', alias, '像是真实姓名（姓加名）');
  } else {
    for (const m of text.matchAll(NAME_CUES)) {
      const candidate = m[2]!;
      for (let len = Math.min(4, candidate.length); len >= 2; len--) {
        if (looksLikeFullName(candidate.slice(0, len))) {
          add('full_name', candidate.slice(0, len), '像是真实姓名');
          break;
        }
      }
    }
  }
  for (const m of text.matchAll(/\d{17}[\dXx]|\d[\d\s-]{5,}\d/g)) add('number', m[0], '像是电话号码或身份证号');
  for (const m of text.matchAll(new RegExp(`([${CJK_NUM}\\d]|初[一二三]|高[一二三])\\s*年级\\s*[（(]?\\s*[${CJK_NUM}\\d]+\\s*[)）]?\\s*班|[${CJK_NUM}\\d]+\\s*班`, 'g'))) {
    add('class', m[0], '是班级信息');
  }
  for (const name of ctx.schoolNames) if (name && text.includes(name)) add('school', name, '是学校名称');
  for (const name of ctx.villageNames) if (name && text.includes(name)) add('village', name, '是村庄名称');
  return out;
}

/** Everything in a card's public words that could identify the child. Empty when it may be published. */
export function checkCardPrivacy(card: { alias: string; wish: string; sizeNote?: string | null }, ctx: PrivacyContext): PrivacyFinding[] {
  return [
    ...scan('alias', card.alias, ctx),
    ...scan('wish', card.wish, ctx),
    ...(card.sizeNote ? scan('sizeNote', card.sizeNote, ctx) : []),
  ];
}
