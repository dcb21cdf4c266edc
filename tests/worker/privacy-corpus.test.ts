/**
 * The privacy gate against a corpus of ~2,900 realistic wish lines written for
 * this project by five writers who never saw the gate (tests/fixtures/privacy-corpus):
 * ~1,300 identify a child or a family (names, numbers, accounts, places, school,
 * class, hidden characters), the rest are ordinary wishes full of surname
 * characters, famous names, sizes and numbers. The bar is the product's: at
 * least 99% of identifying lines refused, at most 5% of ordinary lines flagged.
 * The table is printed.
 */
import { describe, expect, it } from 'vitest';
import identifyingTsv from '../fixtures/privacy-corpus/identifying.tsv?raw';
import ordinaryTsv from '../fixtures/privacy-corpus/ordinary.tsv?raw';
import { checkCardPrivacy, type PrivacyContext } from '../../worker/domain/privacy';

const ctx: PrivacyContext = { schoolNames: ['青石镇中心小学'], villageNames: ['柳树村', '下河湾', '石桥村'] };
const rows = (tsv: string) =>
  tsv
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const tab = line.indexOf('\t');
      return { kind: line.slice(0, tab), text: line.slice(tab + 1) };
    });
const flagged = (text: string) => checkCardPrivacy({ alias: '小雨', wish: text }, ctx).length > 0;

describe('the privacy gate on the corpus', () => {
  const identifying = rows(identifyingTsv);
  const ordinary = rows(ordinaryTsv);

  it('has the corpus it claims: 500+ lines, both halves, every kind', () => {
    expect(identifying.length + ordinary.length).toBeGreaterThanOrEqual(500);
    expect(identifying.length).toBeGreaterThanOrEqual(250);
    expect(ordinary.length).toBeGreaterThanOrEqual(250);
    expect(new Set(identifying.map((r) => r.kind))).toEqual(new Set(['name', 'parent', 'phone', 'id', 'social', 'place', 'school', 'class', 'hidden']));
  });

  it('refuses at least 99% of identifying lines and flags at most 5% of ordinary ones', () => {
    const table: Record<string, { n: number; caught: number; missed: number }> = {};
    const missed: string[] = [];
    for (const row of identifying) {
      const t = (table[row.kind] ??= { n: 0, caught: 0, missed: 0 });
      t.n++;
      if (flagged(row.text)) t.caught++;
      else {
        t.missed++;
        missed.push(`${row.kind}: ${row.text}`);
      }
    }
    const falseAlarms = ordinary.filter((r) => flagged(r.text)).map((r) => r.text);
    const caught = identifying.length - missed.length;
    table['ordinary (flagged)'] = { n: ordinary.length, caught: falseAlarms.length, missed: ordinary.length - falseAlarms.length };
    console.log('privacy gate on tests/fixtures/privacy-corpus (caught = refused; for ordinary lines, caught = flagged)');
    console.table(table);
    console.log(`identifying refused ${caught}/${identifying.length} (${((100 * caught) / identifying.length).toFixed(1)}%), ordinary flagged ${falseAlarms.length}/${ordinary.length} (${((100 * falseAlarms.length) / ordinary.length).toFixed(1)}%)`);
    if (missed.length) console.log('missed:\n' + missed.join('\n'));
    if (falseAlarms.length) console.log('flagged ordinary:\n' + falseAlarms.join('\n'));
    expect(caught / identifying.length).toBeGreaterThanOrEqual(0.99);
    expect(falseAlarms.length / ordinary.length).toBeLessThanOrEqual(0.05);
  });
});
