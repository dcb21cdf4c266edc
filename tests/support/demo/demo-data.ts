/**
 * The local demo: a fictional school and its winter wish-card campaign.
 * Every name, number and place here is invented. Never loaded in production:
 * nothing under worker/ imports this folder. It lives with the tests' helpers
 * because `npm start`, the benches and the browser tests' local stack all load it;
 * worker and site tests build their own data (tests/support/factories.ts).
 */
import type { CardCategory, CardStatus, ClaimStatus, ContactKind, EscortRole, GradeBand, HelpType, PairingFrequency, PairingKind, VolunteerStatus } from '#worker/vocabulary.ts';

export const DEMO_COORDINATOR = { username: 'demo', password: 'shouwang-demo', displayName: '演示协调员' } as const;

export const DEMO_SCHOOL = {
  id: 1,
  slug: 'qingshi-central',
  name: '青石镇中心小学（演示）',
  town: '青石镇',
  address: '青石镇学府路 8 号，学校传达室',
  officePhone: '0000-5550100',
};

export const DEMO_CAMPAIGN = {
  id: 1,
  slug: 'winter-2027',
  name: '2027 年春节前“冬日心愿”认领活动',
  summary: '五到十四岁的孩子各写下一个新年心愿，请爱心人士认领，礼物送到学校，由学校转交。',
  dropoffPlace: '青石镇中心小学传达室（周一至周五 8:00–17:00）',
  valueGuide: '每份礼物建议 50–100 元，重在心意',
  claimCap: 3,
  approveWithinDays: 3,
  deliverWithinDays: 14,
};

export interface DemoCard {
  code: string;
  alias: string;
  age: number;
  gradeBand: GradeBand;
  category: CardCategory;
  wish: string;
  sizeNote?: string;
  status: CardStatus;
}

const c = (
  code: string,
  alias: string,
  age: number,
  gradeBand: GradeBand,
  category: CardCategory,
  wish: string,
  status: CardStatus = 'open',
  sizeNote?: string,
): DemoCard => ({ code, alias, age, gradeBand, category, wish, status, ...(sizeNote ? { sizeNote } : {}) });

export const DEMO_CARDS: DemoCard[] = [
  c('K7M3Q', '小雨', 9, 'middle_primary', 'books', '我想要一本讲恐龙的书，里面最好有霸王龙的大图。'),
  c('P4RT8', '乐乐', 7, 'lower_primary', 'stationery', '想要一个有两层的文具盒，我的旧文具盒扣子坏了。'),
  c('W2HX6', '朵朵', 6, 'lower_primary', 'clothing', '冬天上学手很冷，想要一副厚手套。', 'open', '手套儿童 S 码'),
  c('N9CF5', '豆豆', 11, 'upper_primary', 'sports', '我想要一个足球，课间可以和同学一起踢。'),
  c('B3YJ7', '阳阳', 10, 'upper_primary', 'books', '想要一套《十万个为什么》，我有好多问题想知道答案。'),
  c('T6GD2', '星星', 8, 'middle_primary', 'companionship', '希望有人陪我去一次县城的科技馆。'),
  c('Q8VA4', '果果', 5, 'preschool', 'stationery', '想要一盒二十四色的水彩笔，画我家的小狗。'),
  c('H5KE9', '欢欢', 12, 'junior_high', 'books', '我想要一本英语词典，上初中以后用得上。'),
  c('R2ZP3', '甜甜', 9, 'middle_primary', 'clothing', '想要一条红色的围巾，过年的时候戴。'),
  c('M7WB8', '小宇', 13, 'junior_high', 'sports', '想要一副羽毛球拍，周末和爷爷一起打。'),
  c('F4NS6', '轩轩', 7, 'lower_primary', 'books', '想要一本带拼音的童话书，我自己就能读。'),
  c('J9TQ2', '萌萌', 6, 'lower_primary', 'stationery', '想要一个新书包，我的书包拉链拉不上了。'),
  c('D3XM5', '天天', 10, 'middle_primary', 'sports', '想要一根跳绳，我想在学校比赛里跳第一名。'),
  c('U6PC8', '琪琪', 11, 'upper_primary', 'companionship', '想请一位大哥哥或大姐姐教我下象棋。'),
  c('E8RH3', '浩浩', 14, 'junior_high', 'stationery', '想要一个台灯，晚上写作业的时候亮一点。'),
  c('V2JK7', '悦悦', 8, 'middle_primary', 'clothing', '想要一双棉鞋，下雪天脚不冷。', 'open', '童鞋 32 码'),
  c('S5DW9', '彤彤', 9, 'middle_primary', 'books', '想要一本关于星星和月亮的书。'),
  c('G7BN4', '航航', 12, 'upper_primary', 'sports', '想要一个篮球，我长大想当篮球运动员。'),
  c('A4QY6', '贝贝', 5, 'preschool', 'companionship', '希望有人给我讲一个长长的睡前故事。'),
  c('Y3FT8', '睿睿', 13, 'junior_high', 'books', '想要一本科幻小说，听说《海底两万里》很好看。'),
  c('C6MP2', '可可', 7, 'lower_primary', 'other', '想要一个会转的地球仪，看看爸爸妈妈打工的城市在哪里。'),
  c('X9KG5', '明明', 10, 'middle_primary', 'stationery', '想要一套尺子和圆规，数学课要用。'),
  c('Z4HR7', '壮壮', 11, 'upper_primary', 'clothing', '想要一件厚外套，我去年的外套小了。', 'open', '童装 150 码'),
  c('L8WD3', '妞妞', 6, 'lower_primary', 'books', '想要一本有很多小动物的贴纸书。'),
  // Claimed: a volunteer has a claim in progress.
  c('P7ZE4', '晨晨', 9, 'middle_primary', 'sports', '想要一个毽子和一个沙包，下课和同学一起玩。', 'claimed'),
  c('K3UB9', '丫丫', 8, 'middle_primary', 'books', '想要一本《安徒生童话》。', 'claimed'),
  c('H8NV2', '多多', 12, 'upper_primary', 'stationery', '想要一支好写的钢笔，练好字给妈妈写信。', 'claimed'),
  c('R5CX7', '瑶瑶', 10, 'middle_primary', 'clothing', '想要一顶毛线帽子，耳朵冬天会冻红。', 'claimed'),
  c('W6QJ3', '安安', 7, 'lower_primary', 'companionship', '希望过年前能有人陪我放一次风筝。', 'claimed'),
  c('D9GM5', '峰峰', 14, 'junior_high', 'books', '想要一本初中物理的课外练习书。', 'claimed'),
  // Fulfilled: the gift arrived at the school.
  c('T2KA8', '小满', 11, 'upper_primary', 'sports', '想要一副乒乓球拍。', 'fulfilled'),
  c('N6FW4', '禾禾', 6, 'lower_primary', 'stationery', '想要一盒彩色铅笔。', 'fulfilled'),
  c('B8JP6', '田田', 9, 'middle_primary', 'books', '想要一本成语故事书。', 'fulfilled'),
  c('Q3XS9', '苗苗', 8, 'middle_primary', 'clothing', '想要一双毛线袜子。', 'fulfilled', '童袜 M 码'),
  // Drafts: typed in, waiting for review or the guardian's consent.
  c('M4YH2', '石头', 10, 'middle_primary', 'sports', '想要一个乒乓球台上用的网。', 'draft'),
  c('G2VC6', '小溪', 5, 'preschool', 'books', '想要一本会发声的绘本。', 'draft'),
  c('E7TN3', '春春', 13, 'junior_high', 'stationery', '想要一个计算器。', 'draft'),
  c('U4RK8', '亮亮', 12, 'upper_primary', 'companionship', '想请人教我用电脑打字。', 'draft'),
  // Withdrawn by a coordinator.
  c('F9DB5', '佳佳', 9, 'middle_primary', 'other', '想要一个小鱼缸。', 'withdrawn'),
  c('Y6MW2', '蕊蕊', 7, 'lower_primary', 'clothing', '想要一条裙子。', 'withdrawn'),
];

export interface DemoVolunteer {
  id: number;
  name: string;
  mobile: string;
  email?: string;
  town: string;
  helpTypes: HelpType[];
  availability: string;
  note: string;
  status: VolunteerStatus;
  rejectReason?: string;
}

export const DEMO_VOLUNTEERS: DemoVolunteer[] = [
  { id: 1, name: '周演示', mobile: '13800000001', email: 'zhou@example.com', town: '青石镇', helpTypes: ['wish_cards', 'tutoring', 'pairing'], availability: '周末', note: '退休语文老师，可以辅导作文。', status: 'approved' },
  { id: 2, name: '吴演示', mobile: '13800000002', town: '县城', helpTypes: ['wish_cards', 'pairing'], availability: '工作日晚上', note: '', status: 'approved' },
  { id: 3, name: '郑演示', mobile: '13800000003', town: '县城', helpTypes: ['wish_cards', 'events'], availability: '寒假', note: '大学生，寒假在家。', status: 'pending' },
  { id: 4, name: '冯演示', mobile: '13800000004', town: '外省', helpTypes: ['pairing'], availability: '不定', note: '', status: 'rejected', rejectReason: '代理家长需要住在本镇附近，您可以先参加心愿卡认领。' },
  { id: 5, name: '陈演示', mobile: '13800000005', town: '青石镇', helpTypes: ['pairing'], availability: '周六上午', note: '村里的老党员，想做代理家长。', status: 'approved' },
];

/** Children in pairings, as the school knows them (fictional register numbers). */
export const DEMO_PAIRING_CHILDREN: { id: number; registerRef: string; alias: string; gradeBand: GradeBand }[] = [
  { id: 1, registerRef: 'QS-2026-031', alias: '小芽', gradeBand: 'middle_primary' },
  { id: 2, registerRef: 'QS-2026-047', alias: '阿朵', gradeBand: 'upper_primary' },
];

/** Two active pairings (the second overdue, its volunteer waiting for a call) and one offer to match. */
export const DEMO_PAIRINGS: { id: number; volunteerId: number; kind: PairingKind; frequency: PairingFrequency; childId: number | null; activatedDaysAgo: number | null }[] = [
  { id: 1, volunteerId: 1, kind: 'proxy_parent', frequency: 'monthly', childId: 1, activatedDaysAgo: 60 },
  { id: 2, volunteerId: 2, kind: 'mentor', frequency: 'fortnightly', childId: 2, activatedDaysAgo: 75 },
  { id: 3, volunteerId: 5, kind: 'proxy_parent', frequency: 'weekly', childId: null, activatedDaysAgo: null },
];

export const DEMO_CONTACTS: { id: number; pairingId: number; daysAgo: number; kind: ContactKind; minutes: number; escort?: EscortRole; callMe?: boolean }[] = [
  { id: 1, pairingId: 1, daysAgo: 10, kind: 'talk', minutes: 40 },
  { id: 2, pairingId: 1, daysAgo: 12, kind: 'family_call', minutes: 20 },
  { id: 3, pairingId: 1, daysAgo: 30, kind: 'home_visit', minutes: 60, escort: 'teacher' },
  { id: 4, pairingId: 2, daysAgo: 45, kind: 'talk', minutes: 30, callMe: true },
];

/** Which volunteer holds which card, and how far the claim has gone. */
export const DEMO_CLAIMS: { cardCode: string; volunteerId: number; status: ClaimStatus }[] = [
  { cardCode: 'P7ZE4', volunteerId: 1, status: 'pending' },
  { cardCode: 'K3UB9', volunteerId: 3, status: 'pending' },
  { cardCode: 'H8NV2', volunteerId: 2, status: 'approved' },
  { cardCode: 'R5CX7', volunteerId: 1, status: 'approved' },
  { cardCode: 'W6QJ3', volunteerId: 2, status: 'delivered' },
  { cardCode: 'D9GM5', volunteerId: 2, status: 'delivered' },
  { cardCode: 'T2KA8', volunteerId: 1, status: 'received' },
  { cardCode: 'N6FW4', volunteerId: 2, status: 'received' },
  { cardCode: 'B8JP6', volunteerId: 1, status: 'received' },
  { cardCode: 'Q3XS9', volunteerId: 2, status: 'received' },
];

/**
 * Last winter's drive, archived: the public record at /campaigns/2025-12/ and what the wall says
 * between campaigns. Its cards' words are the school's own inventions, like the current ones.
 */
export const DEMO_PAST_CAMPAIGN = {
  id: 2,
  slug: '2025-12',
  name: '2026 年春节前“冬日心愿”认领活动',
  summary: '去年冬天的心愿卡活动。',
  dropoffPlace: DEMO_CAMPAIGN.dropoffPlace,
  valueGuide: DEMO_CAMPAIGN.valueGuide,
  thankYou: '去年冬天，孩子们写下的每一个心愿都有了着落：大多数由爱心人士送来，没人认领的由学校用关爱经费补上。\n谢谢每一位把礼物送到传达室的朋友，也谢谢帮孩子们写心愿卡的班主任。',
};

/** Last winter's cards: how each ended (fulfilled by a volunteer's gift, by the school, or withdrawn). */
export const DEMO_PAST_CARDS: { alias: string; age: number; gradeBand: GradeBand; category: CardCategory; wish: string; ended: 'fulfilled' | 'school_fulfilled' | 'withdrawn'; volunteerId?: number }[] = [
  { alias: '小禾', age: 7, gradeBand: 'lower_primary', category: 'stationery', wish: '想要一盒二十四色的彩铅。', ended: 'fulfilled', volunteerId: 1 },
  { alias: '阿乐', age: 9, gradeBand: 'middle_primary', category: 'books', wish: '想要一本讲太空的绘本。', ended: 'fulfilled', volunteerId: 2 },
  { alias: '豆豆', age: 6, gradeBand: 'lower_primary', category: 'clothing', wish: '想要一双冬天穿的棉鞋。', ended: 'fulfilled', volunteerId: 1 },
  { alias: '小满', age: 11, gradeBand: 'upper_primary', category: 'sports', wish: '想要一根跳绳和一个毽子。', ended: 'fulfilled', volunteerId: 2 },
  { alias: '星星', age: 8, gradeBand: 'middle_primary', category: 'books', wish: '想要一本成语故事。', ended: 'fulfilled', volunteerId: 1 },
  { alias: '石头', age: 12, gradeBand: 'upper_primary', category: 'stationery', wish: '想要一个能装很多书的书包。', ended: 'fulfilled', volunteerId: 2 },
  { alias: '圆圆', age: 5, gradeBand: 'preschool', category: 'companionship', wish: '想和大家一起过一次生日。', ended: 'fulfilled', volunteerId: 1 },
  { alias: '小川', age: 13, gradeBand: 'junior_high', category: 'books', wish: '想要一本英语词典。', ended: 'fulfilled', volunteerId: 2 },
  { alias: '朵朵', age: 10, gradeBand: 'middle_primary', category: 'clothing', wish: '想要一条红色的围巾。', ended: 'school_fulfilled' },
  { alias: '小峰', age: 14, gradeBand: 'junior_high', category: 'sports', wish: '想要一个篮球。', ended: 'school_fulfilled' },
  { alias: '苗苗', age: 6, gradeBand: 'preschool', category: 'other', wish: '想要一个会唱歌的小熊。', ended: 'school_fulfilled' },
  { alias: '阿福', age: 9, gradeBand: 'middle_primary', category: 'stationery', wish: '想要一个带锁的日记本。', ended: 'withdrawn' },
];
