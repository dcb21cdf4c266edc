import { describe, expect, it } from 'vitest';
import { checkCardPrivacy, checkTexts, openFindings, type PrivacyContext } from '#worker/privacy/index.ts';
import { viewOf } from '#worker/privacy/text-view.ts';

const ctx: PrivacyContext = { schoolNames: ['青石镇中心小学（演示）'], villageNames: ['柳树村', '下河湾'] };
const found = (wish: string, alias = '小雨', realNames = '') => checkCardPrivacy({ alias, wish }, ctx, realNames).map((f) => [f.field, f.kind, f.found]);
const kinds = (wish: string) => checkCardPrivacy({ alias: '小雨', wish }, ctx).map((f) => f.kind);

describe('the privacy gate reads text as people meant it', () => {
  it('drops invisible characters, makes full-width ASCII, reads Chinese numerals as digits, and maps back to what was typed', () => {
    const view = viewOf('王\u200b小\u2060明：１３８\u3000幺三八');
    expect(view.text).toBe('王小明:138 幺三八');
    expect(view.digits).toBe('王小明:138 138');
    expect(found('我是王\u200b小明，想要书包')).toEqual([['wish', 'full_name', '王小明']]);
    expect(checkCardPrivacy({ alias: '小雨', wish: '我是王\u200b小明' }, ctx)[0]!.message).toContain('看不见的字符');
  });
});

describe('numbers, accounts and links', () => {
  it('finds phone numbers however they are typed', () => {
    for (const wish of ['打电话给我妈妈 13812345678', '１３８１２３４５６７８', '幺三八一二三四五六七八', '壹叁捌 壹贰叁肆 伍陆柒捌', '138.1234.5678', '138-1234-5678', '号码 0838-5551234', '+86 137 1234 5678']) {
      expect(kinds(wish), wish).toContain('phone');
    }
  });

  it('finds ID numbers, accounts, e-mail and links', () => {
    expect(kinds('51010120150101123X')).toContain('id_number');
    for (const wish of ['加我微信 abc_123456', 'vx: xiaoyu2015', 'wxid_k2j3h4g5', 'QQ 12345678', '扣扣：五四三二一六', '抖音号 dy88991', '@小雨爱画画0312']) {
      expect(kinds(wish), wish).toContain('account');
    }
    expect(kinds('写信到 xiaoyu@qq.com')).toContain('email_link');
    expect(kinds('看 www.example.cn')).toContain('email_link');
  });

  it('leaves sizes, prices, ranges, dates, counts and sums alone', () => {
    for (const wish of ['130码的运动鞋', '36码', '100-200元的书包', '1000-2000元太贵了', '2026年12月25日', '2026.12.25 过生日', '2025-2026学年', '1000块拼图', '24色水彩笔', '身高140厘米', '12345679×9=111111111']) {
      expect(kinds(wish), wish).toEqual([]);
    }
  });
});

describe('names', () => {
  it('finds a full name as the alias, but not nicknames', () => {
    expect(found('想要一本书', '王小明')).toEqual([['alias', 'full_name', '王小明']]);
    expect(found('想要一本书', '欧阳娜')).toEqual([['alias', 'full_name', '欧阳娜']]);
    for (const alias of ['乐乐', '小雨', '阿福', '石头', '明明', '田田']) expect(found('想要一本书', alias), alias).toEqual([]);
  });

  it('finds names with and without a cue word, and parents’ and guardians’ names', () => {
    expect(found('我是王小明，想要一本新华字典。')).toEqual([['wish', 'full_name', '王小明']]);
    expect(found('张子涵想要一个篮球')).toEqual([['wish', 'full_name', '张子涵']]);
    expect(found('想要一双手套——覃思雨')).toEqual([['wish', 'full_name', '覃思雨']]);
    expect(found('我妈妈叫李春花，在广州打工')).toEqual([['wish', 'parent_name', '李春花']]);
    expect(found('外婆陈桂英带我')).toEqual([['wish', 'parent_name', '陈桂英']]);
    expect(found('监护人：刘德福')).toEqual([['wish', 'parent_name', '刘德福']]);
    expect(found('我姓王')).toEqual([['wish', 'surname', '王']]);
  });

  it('finds a name that is also a word where only a person can stand', () => {
    expect(found('高峰同学希望爸爸妈妈回家过年')).toEqual([['wish', 'full_name', '高峰']]);
    expect(found('我想要一个新书包。——黎明')).toEqual([['wish', 'full_name', '黎明']]);
    expect(found('汪洋，10岁，想要一双运动鞋')).toEqual([['wish', 'full_name', '汪洋']]);
    expect(kinds('全班同学一起去春游')).toEqual([]);
  });

  it('leaves ordinary words, titles, famous people, story characters and pets alone', () => {
    for (const wish of ['想要一张白色的书桌', '马上就要过年了', '我喜欢王国的故事', '我想和王老师一起去科技馆', '想要孙悟空的金箍棒', '我想读马小跳', '我想学司马光砸缸', '我想当杨利伟那样的航天员', '我家小狗叫旺财', '我的布娃娃叫乐乐', '祝全家幸福', '周末和奶奶去赶集']) {
      expect(kinds(wish), wish).toEqual([]);
    }
  });
});

describe('places, school and class', () => {
  it('finds villages, groups, house numbers, workplaces and the school by its short forms', () => {
    expect(kinds('我家在石桥村三组')).toEqual(expect.arrayContaining(['village', 'address']));
    expect(kinds('住在幸福路88号')).toContain('address');
    expect(kinds('3栋2单元501')).toContain('address');
    expect(kinds('爸爸在东莞长安镇的电子厂上班')).toContain('workplace');
    expect(kinds('我在青石小学上学')).toContain('school');
    expect(kinds('青石中心校的操场')).toContain('school');
    expect(found('我家在柳树村')).toEqual([['wish', 'village', '柳树村']]);
  });

  it('finds classes however they are written, but not 班会 or 班车', () => {
    for (const wish of ['我是三年级二班的', '我在 4年级(1)班', '四（３）班', '302班', '五年级甲班', '我是二班的']) expect(kinds(wish), wish).toContain('class');
    for (const wish of ['我们开班会', '坐班车回家', '我当上了班长', '全班同学']) expect(kinds(wish), wish).toEqual([]);
  });
});

describe('what the coordinator sees and decides', () => {
  it('names the field, the kind and the words in plain Chinese', () => {
    const [finding] = checkCardPrivacy({ alias: '小雨', wish: '我家在下河湾' }, ctx);
    expect(finding).toEqual({ field: 'wish', kind: 'village', found: '下河湾', message: '心愿里的“下河湾”是村庄的名称' });
  });

  it('checks real names typed at review, also when spaced out or as the given name alone, quoting only the card’s words', () => {
    const findings = checkCardPrivacy({ alias: '小雨', wish: '我想要书包，子 涵会好好学习' }, ctx, '张子涵 李春花');
    expect(findings.map((f) => [f.field, f.kind, f.found])).toEqual([['wish', 'real_name', '子 涵']]);
    expect(findings[0]!.message).toContain('不带姓也能认出孩子');
    expect(findings[0]!.message).not.toContain('张子涵');
    expect(checkCardPrivacy({ alias: '小雨', wish: '李春花是我奶奶' }, ctx, '张子涵 李春花').find((f) => f.kind === 'real_name')!.message).toContain('就是孩子或家长的真实姓名');
  });

  it('reads an alias spelled out or in pinyin as the name it is', () => {
    for (const alias of ['王·小明', '王-小明', 'wang xiaoming', 'Wang Xiaoming']) expect(found('想要一本书', alias).map((f) => f[0] + ':' + f[1]), alias).toContain('alias:full_name');
  });

  it('a dismissed finding no longer blocks, but a real name cannot be dismissed', () => {
    const findings = checkCardPrivacy({ alias: '小雨', wish: '想要曹文轩写的书，作者叫曹文' }, ctx, '王小明');
    expect(findings.map((f) => f.kind)).toEqual(['full_name']);
    const dismissals = findings.map((f) => ({ field: f.field, kind: f.kind, found: f.found }));
    expect(openFindings(findings, dismissals)).toEqual([]);
    const named = checkCardPrivacy({ alias: '小雨', wish: '王小明想要书' }, ctx, '王小明');
    expect(openFindings(named, named.map((f) => ({ field: f.field, kind: f.kind, found: f.found }))).map((f) => f.kind)).toEqual(['real_name']);
  });

  it('checks any list of public texts with the same rules', () => {
    expect(checkTexts([{ field: 'summary', label: '活动介绍', text: '联系人王小明 13812345678' }], ctx).map((f) => f.kind).sort()).toEqual(['full_name', 'phone']);
  });
});

describe('public texts about the campaign', () => {
  it('refuses a child’s or parent’s name, class or account in the campaign’s name and summary, naming the words', async () => {
    const v = await import('valibot');
    const { CampaignSchema } = await import('#worker/campaigns/index.ts');
    const base = { name: '2026 冬季心愿活动', summary: '', startsOn: '2026-11-15', claimDeadline: '2027-01-10', dropoffDeadline: '2027-01-25', dropoffPlace: '青石镇中心小学门卫室', valueGuide: '50–100 元', claimCap: '3', approveWithinDays: '3', deliverWithinDays: '14' };
    expect(v.safeParse(CampaignSchema, { ...base, summary: '请把礼物送到学校门卫室，电话 0838-5551234。' }).success).toBe(true);
    const refused = v.safeParse(CampaignSchema, { ...base, summary: '感谢大家帮助三年级二班的王小明' });
    expect(refused.success).toBe(false);
    expect(refused.issues?.map((i) => i.message).join()).toContain('王小明');
  });
});

describe('ways people slip details past a filter', () => {
  it('reads text inside a right-to-left override as a reader sees it', () => {
    expect(found('我是\u202E涵梓刘\u202C 想要一个书包').map((f) => f[1])).toContain('full_name');
  });

  it('joins a name spread out by spaces, dashes, dots or emoji, also touching other words, and reads numbers given in pieces', () => {
    for (const wish of ['我叫王-小-明，想要书包', '我的名字是王·小·明', '王小明～我想要书包', '王小明♥想要书包', '妈妈叫李-春-花']) expect(kinds(wish).length, wish).toBeGreaterThan(0);
    expect(kinds('电话 13８OO138OOO')).toContain('phone');
    expect(kinds('我叫王\u{E0100}小明')).toContain('full_name');
    expect(kinds('我叫🌟刘🌟欣🌟然🌟 想要星星灯')).toContain('full_name');
    expect(kinds('心愿人：苏 雨 涵')).toContain('full_name');
    expect(kinds('爸爸手机号前三位是152，中间四位3366，最后是7081')).toContain('phone');
    expect(kinds('写信到 lixh88 艾特 qq 点 com')).toContain('email_link');
  });

  it('finds pinyin names after a cue or written as names, but not pinyin practice', () => {
    expect(kinds('我叫 Li Na，想要一本新华字典')).toContain('full_name');
    expect(kinds('Wang Xiaoming 想要一双新鞋')).toContain('full_name');
    expect(kinds('wo xiang yao yi ge shu bao')).toEqual([]);
    expect(kinds('ba ba ma ma wo xiang ni men')).toEqual([]);
  });
});
