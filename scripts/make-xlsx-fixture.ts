/**
 * `npm run make:xlsx-fixture`: LibreOffice on both sides of the .xlsx code (docs/decisions/016).
 *
 * 1. Saves tests/fixtures/xlsx/class-list.fods (a class teacher's list: numbers as numbers, dates
 *    as dates in two Chinese formats, a register number typed as text with a leading zero, a
 *    formula, a blank row) as .xlsx with LibreOffice Calc: a workbook written by a real spreadsheet
 *    program, not by the code under test. It writes the .xlsx (to open by hand) and its base64
 *    (what the workerd tests read: they have no file system).
 * 2. Writes a workbook with the site's own writer (worker/platform/xlsx.ts) and has LibreOffice
 *    read it back to CSV: leading zeros, long numbers and formula-looking text must come out as typed.
 *
 * Needs `soffice` (Debian: apt-get install --no-install-recommends libreoffice-calc-nogui). The
 * files are committed, so builds, tests and CI never need LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeXlsx } from '../worker/platform/xlsx.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../tests/fixtures/xlsx');
const work = mkdtempSync(path.join(tmpdir(), 'xlsx-'));
const soffice = (...args: string[]) => execFileSync('soffice', ['--headless', '--norestore', ...args, '--outdir', work], { stdio: 'pipe', timeout: 180_000 });

soffice('--convert-to', 'xlsx:Calc MS Excel 2007 XML', path.join(FIXTURES, 'class-list.fods'));
const made = readFileSync(path.join(work, 'class-list.xlsx'));
writeFileSync(path.join(FIXTURES, 'class-list-saved-by-libreoffice.xlsx'), made);
writeFileSync(path.join(FIXTURES, 'class-list-saved-by-libreoffice.xlsx.base64'), made.toString('base64') + '\n');
console.log(`wrote tests/fixtures/xlsx/class-list-saved-by-libreoffice.xlsx (${made.length} bytes) and its base64`);

const rows = [
  ['1', '王小明', '13800001111', '000123', '9', '=HYPERLINK("http://example.org")'],
  ['2', '李小红', '07311234567', '12345678901234567890', '10', '第一行\n第二行'],
];
writeFileSync(path.join(work, 'ours.xlsx'), writeXlsx({ name: '志愿者', header: ['编号', '姓名', '手机', '学校登记编号', '年龄', '留言'], rows, numberColumns: [0, 4] }));
// CSV, UTF-8 (76), text cells quoted (the 1): quotes mark what LibreOffice took as text.
soffice('--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', path.join(work, 'ours.xlsx'));
const csv = readFileSync(path.join(work, 'ours.csv'), 'utf8').trim();
const expected = [
  '"编号","姓名","手机","学校登记编号","年龄","留言"',
  '1,"王小明","13800001111","000123",9,"=HYPERLINK(""http://example.org"")"',
  '2,"李小红","07311234567","12345678901234567890",10,"第一行\n第二行"',
].join('\n');
if (csv !== expected) throw new Error(`LibreOffice read our .xlsx differently:\n${csv}\nexpected:\n${expected}`);
console.log('LibreOffice read the site’s own .xlsx back as written: phone and register numbers as text (leading zeros, every digit), counts as numbers, formula-looking text as text');
