/**
 * `npm run bench:privacy [folder]`: the privacy gate on a corpus folder holding
 * identifying.tsv and ordinary.tsv (default: the test corpus), as a table per
 * kind, then the lines it missed and the ordinary lines it flagged, and the
 * time per card. Point it at a corpus written by someone who never saw the gate
 * to measure it honestly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkCardPrivacy } from '#worker/privacy/index.ts';
import { ROOT } from '../tests/support/local-stack';
import { CORPUS_CONTEXT, corpusSummary, measureCorpus, parseCorpus } from '../tests/support/privacy-corpus';

const folder = path.resolve(process.argv[2] ?? path.join(ROOT, 'tests/fixtures/privacy-corpus'));
const identifying = parseCorpus(readFileSync(path.join(folder, 'identifying.tsv'), 'utf8'));
const ordinary = parseCorpus(readFileSync(path.join(folder, 'ordinary.tsv'), 'utf8'));
const result = measureCorpus(identifying, ordinary);

console.log(`| kind | lines | caught | missed |\n| --- | ---: | ---: | ---: |`);
for (const [kind, row] of Object.entries(result.table)) console.log(`| ${kind} | ${row.n} | ${row.caught} | ${row.missed} |`);
console.log(`\n${corpusSummary(result)}`);
if (result.missed.length) console.log(`\nmissed:\n${result.missed.join('\n')}`);
if (result.falseAlarms.length) console.log(`\nflagged ordinary:\n${result.falseAlarms.join('\n')}`);

const texts = [...identifying, ...ordinary].map((l) => l.text);
const rounds = 3;
const start = performance.now();
for (let r = 0; r < rounds; r++) for (const wish of texts) checkCardPrivacy({ alias: '小雨', wish }, CORPUS_CONTEXT);
const ms = (performance.now() - start) / (rounds * texts.length);
console.log(`\n${ms.toFixed(3)} ms per card (Node ${process.versions.node}, ${texts.length} lines × ${rounds}); a 2,000-row import ≈ ${((ms * 2000) / 1000).toFixed(1)} s of CPU`);
