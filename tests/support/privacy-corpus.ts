/**
 * The privacy gate measured on a corpus of wish lines (`<kind>\t<text>`, one
 * file of identifying lines and one of ordinary ones): shared by the corpus
 * test and `npm run bench:privacy`, so both count the same way.
 */
import { checkCardPrivacy, type PrivacyContext } from '#worker/privacy/index.ts';

/** The school and villages the corpus writers were given. */
export const CORPUS_CONTEXT: PrivacyContext = { schoolNames: ['青石镇中心小学'], villageNames: ['柳树村', '下河湾', '石桥村'] };

export interface CorpusLine {
  kind: string;
  text: string;
}

/** The lines of a corpus file. */
export function parseCorpus(tsv: string): CorpusLine[] {
  return tsv
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const tab = line.indexOf('\t');
      return { kind: line.slice(0, tab), text: line.slice(tab + 1) };
    });
}

export interface CorpusResult {
  /** Per kind of identifying line: how many, refused, missed; and the ordinary lines, flagged. */
  table: Record<string, { n: number; caught: number; missed: number }>;
  refused: number;
  identifying: number;
  flagged: number;
  ordinary: number;
  missed: string[];
  falseAlarms: string[];
}

const flagged = (text: string) => checkCardPrivacy({ alias: '小雨', wish: text }, CORPUS_CONTEXT).length > 0;

/** Runs every line of the corpus through the gate as a card's wish. */
export function measureCorpus(identifying: CorpusLine[], ordinary: CorpusLine[]): CorpusResult {
  const table: CorpusResult['table'] = {};
  const missed: string[] = [];
  for (const line of identifying) {
    const row = (table[line.kind] ??= { n: 0, caught: 0, missed: 0 });
    row.n++;
    if (flagged(line.text)) row.caught++;
    else {
      row.missed++;
      missed.push(`${line.kind}: ${line.text}`);
    }
  }
  const falseAlarms = ordinary.filter((line) => flagged(line.text)).map((line) => line.text);
  table['ordinary (caught = flagged)'] = { n: ordinary.length, caught: falseAlarms.length, missed: ordinary.length - falseAlarms.length };
  return { table, refused: identifying.length - missed.length, identifying: identifying.length, flagged: falseAlarms.length, ordinary: ordinary.length, missed, falseAlarms };
}

/** One line that says the figures. */
export function corpusSummary(r: CorpusResult): string {
  const pct = (a: number, b: number) => ((100 * a) / b).toFixed(1);
  return `identifying refused ${r.refused}/${r.identifying} (${pct(r.refused, r.identifying)}%), ordinary flagged ${r.flagged}/${r.ordinary} (${pct(r.flagged, r.ordinary)}%)`;
}
