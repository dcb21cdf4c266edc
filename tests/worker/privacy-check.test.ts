import { describe, expect, it } from 'vitest';
import { DEMO_CARDS } from '../../scripts/demo/demo-data';
import { checkCardPrivacy, type PrivacyContext } from '../../worker/domain/privacy-check';

const ctx: PrivacyContext = { schoolNames: ['青石镇中心小学', '青石小学'], villageNames: ['柳树村', '下河湾'] };
const kinds = (card: { alias: string; wish: string; sizeNote?: string }) => checkCardPrivacy(card, ctx).map((f) => [f.field, f.kind, f.found]);

describe('the privacy check on a card’s public words', () => {
  it('passes every demo card: nicknames and plain wishes', () => {
    for (const card of DEMO_CARDS) expect(kinds(card), card.alias).toEqual([]);
  });

  it('finds a full name used as the alias', () => {
    expect(kinds({ alias: '王小明', wish: '想要一本书' })).toEqual([['alias', 'full_name', '王小明']]);
    expect(kinds({ alias: '欧阳娜', wish: '想要一本书' })).toEqual([['alias', 'full_name', '欧阳娜']]);
    expect(kinds({ alias: '李强', wish: '想要一本书' })).toEqual([['alias', 'full_name', '李强']]);
  });

  it('leaves nicknames alone: doubled names, 小 and 阿 names, ordinary words', () => {
    for (const alias of ['乐乐', '小雨', '阿福', '石头', '明明', '田田']) expect(kinds({ alias, wish: '想要一本书' }), alias).toEqual([]);
  });

  it('finds a name the child wrote into the wish, but not a teacher addressed by title', () => {
    expect(kinds({ alias: '小雨', wish: '我叫张三丰，想要一个足球' })).toEqual([['wish', 'full_name', '张三丰']]);
    expect(kinds({ alias: '小雨', wish: '我想和王老师一起去科技馆' })).toEqual([]);
  });

  it('finds phone and ID numbers', () => {
    expect(kinds({ alias: '小雨', wish: '打电话给我妈妈 13812345678' })).toEqual([['wish', 'number', '13812345678']]);
    expect(kinds({ alias: '小雨', wish: '号码 0838-5551234' })).toEqual([['wish', 'number', '0838-5551234']]);
    expect(kinds({ alias: '小雨', wish: '51010120150101123X' })).toEqual([['wish', 'number', '51010120150101123X']]);
  });

  it('finds the school, a configured village and a class', () => {
    expect(kinds({ alias: '小雨', wish: '我在青石镇中心小学上学' }).map((k) => k[1])).toContain('school');
    expect(kinds({ alias: '小雨', wish: '我家在柳树村' })).toEqual([['wish', 'village', '柳树村']]);
    expect(kinds({ alias: '小雨', wish: '我是三年级二班的' })).toEqual([['wish', 'class', '三年级二班']]);
    expect(kinds({ alias: '小雨', wish: '我在 4年级(1)班' })).toEqual([['wish', 'class', '4年级(1)班']]);
  });

  it('tells the coordinator exactly what it found and where, in Chinese', () => {
    const [finding] = checkCardPrivacy({ alias: '小雨', wish: '我家在下河湾' }, ctx);
    expect(finding).toEqual({ field: 'wish', kind: 'village', found: '下河湾', message: '心愿里的“下河湾”是村庄名称，请改写后再发布' });
  });
});
