/**
 * The privacy gate against a corpus of ~4,700 realistic wish lines written for
 * this project by nine writers who never saw the gate (tests/fixtures/privacy-corpus):
 * ~2,100 identify a child or a family (names, numbers, accounts, places, school,
 * class, hidden characters), the rest are ordinary wishes full of surname
 * characters, famous names, sizes and numbers. The bar is the product's: at
 * least 99% of identifying lines refused, at most 5% of ordinary lines flagged.
 * The table is printed.
 */
import { describe, expect, it } from 'vitest';
import { corpusSummary, measureCorpus, parseCorpus } from '../support/privacy-corpus';
import identifyingTsv from '../fixtures/privacy-corpus/identifying.tsv?raw';
import ordinaryTsv from '../fixtures/privacy-corpus/ordinary.tsv?raw';

describe('the privacy gate on the corpus', () => {
  const identifying = parseCorpus(identifyingTsv);
  const ordinary = parseCorpus(ordinaryTsv);

  it('has the corpus it claims: 500+ lines, both halves, every kind', () => {
    expect(identifying.length + ordinary.length).toBeGreaterThanOrEqual(500);
    expect(identifying.length).toBeGreaterThanOrEqual(250);
    expect(ordinary.length).toBeGreaterThanOrEqual(250);
    expect(new Set(identifying.map((r) => r.kind))).toEqual(new Set(['name', 'parent', 'phone', 'id', 'social', 'place', 'school', 'class', 'hidden']));
  });

  it('refuses at least 99% of identifying lines and flags at most 5% of ordinary ones', () => {
    const result = measureCorpus(identifying, ordinary);
    console.log('privacy gate on tests/fixtures/privacy-corpus (npm run bench:privacy prints the same)');
    console.table(result.table);
    console.log(corpusSummary(result));
    if (result.missed.length) console.log('missed:\n' + result.missed.join('\n'));
    if (result.falseAlarms.length) console.log('flagged ordinary:\n' + result.falseAlarms.join('\n'));
    expect(result.refused / result.identifying).toBeGreaterThanOrEqual(0.99);
    expect(result.flagged / result.ordinary).toBeLessThanOrEqual(0.05);
  });
});
