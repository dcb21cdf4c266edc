/**
 * A zip file's directory, checked before a parser touches it. An uploaded .xlsx is a zip, and a
 * zip can lie: a 1 MB upload can inflate to a gigabyte (a zip bomb), a header can declare sizes
 * that make a parser allocate gigabytes, and an entry can be encrypted. SheetJS inflates every
 * entry of the archive with its own inflater, trusting the local headers, so this file walks the
 * directory the same way SheetJS does (the last end-of-directory record, then each entry in turn),
 * refuses anything it would read differently (zip64 fields, encryption, unknown methods, local
 * and central sizes that disagree), and inflates each entry here with workerd's own
 * DecompressionStream, stopping as soon as the real size passes the limit.
 */

export interface ZipEntry {
  /** The name as stored (bytes read one to a character, as SheetJS reads them). */
  name: string;
  method: 0 | 8;
  /** Where the compressed bytes start, and how many there are. */
  dataStart: number;
  compressedSize: number;
  size: number;
}

/** Why a zip is refused: the caller words it for its users. */
export type ZipProblem = 'not-zip' | 'broken' | 'encrypted' | 'too-big';

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** An .xlsx holds a dozen parts or so; thousands of entries are a sign of something else. */
const MAX_ENTRIES = 500;

/** Whether the bytes begin as a zip does (a local header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/**
 * The entries of a zip whose real, inflated size is at most `maxTotal` bytes in all, each
 * stored or deflated, none encrypted, each entry's local header agreeing with the directory.
 */
export async function checkZip(bytes: Uint8Array, maxTotal: number): Promise<ZipCheck> {
  if (!looksLikeZip(bytes)) return { ok: false, problem: 'not-zip' };
  const listed = listEntries(bytes);
  if (!Array.isArray(listed)) return { ok: false, problem: listed };
  let total = 0;
  for (const entry of listed) {
    if (entry.size > maxTotal - total) return { ok: false, problem: 'too-big' };
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === 0) {
      total += entry.size;
      continue;
    }
    // The declared size is not trusted: the real one is counted while inflating (stopping past
    // the declared size), and must match it.
    const real = await inflatedSize(data, entry.size);
    if (real !== entry.size) return { ok: false, problem: 'broken' };
    total += real;
  }
  return { ok: true, entries: listed };
}

/** One entry's bytes, inflated (after checkZip accepted the archive). */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const data = bytes.slice(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return data;
  return new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
}

function listEntries(bytes: Uint8Array): ZipEntry[] | ZipProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  // SheetJS takes the last end record in the file; so does this, and it must end the file exactly.
  let end = bytes.length - 4;
  while (end >= 0 && u32(end) !== END) end--;
  if (end < 0 || end + 22 > bytes.length || end + 22 + u16(end + 20) !== bytes.length) return 'broken';
  // SheetJS counts the entries "on this disk"; a one-disk archive says the same number twice.
  const count = u16(end + 8);
  const directory = u32(end + 16);
  if (count !== u16(end + 10) || count > MAX_ENTRIES) return 'broken';
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = directory;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) return 'broken';
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const local = u32(at + 42);
    if ([flags, method, compressedSize, size, nameLength, extraLength, commentLength, local].includes(-1)) return 'broken';
    // Bit 0: encrypted; bit 6: strong encryption; bit 13: the directory itself encrypted.
    if (flags & 0x2041) return 'encrypted';
    if (method !== 0 && method !== 8) return 'broken';
    const name = latin1(bytes.subarray(at + 46, at + 46 + nameLength));
    if (hasZip64(bytes, at + 46 + nameLength, extraLength) || names.has(name)) return 'broken';
    names.add(name);

    if (u32(local) !== LOCAL) return 'broken';
    const localFlags = u16(local + 6);
    const localMethod = u16(local + 8);
    const localCompressed = u32(local + 18);
    const localSize = u32(local + 22);
    const localName = u16(local + 26);
    const localExtra = u16(local + 28);
    if (localFlags === -1 || localFlags & 0x2041) return localFlags === -1 ? 'broken' : 'encrypted';
    if (localMethod !== method || localName !== nameLength || hasZip64(bytes, local + 30 + localName, localExtra)) return 'broken';
    // A writer that streams (bit 3) may leave the local sizes at 0; otherwise they must agree.
    const streamed = (localFlags & 0x8) !== 0 && localCompressed === 0 && localSize === 0;
    if (!streamed && (localCompressed !== compressedSize || localSize !== size)) return 'broken';
    // Stored entries are read by the local header's size, so it has to be there.
    if (method === 0 && (streamed || compressedSize !== size)) return 'broken';
    const dataStart = local + 30 + localName + localExtra;
    if (dataStart + compressedSize > bytes.length) return 'broken';
    entries.push({ name, method: method as 0 | 8, dataStart, compressedSize, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Whether an extra field holds a zip64 record: SheetJS would take its sizes over the checked ones. */
function hasZip64(bytes: Uint8Array, from: number, length: number): boolean {
  if (from + length > bytes.length) return true;
  for (let at = from; at + 4 <= from + length; ) {
    const id = bytes[at]! | (bytes[at + 1]! << 8);
    if (id === 0x0001) return true;
    at += 4 + (bytes[at + 2]! | (bytes[at + 3]! << 8));
  }
  return false;
}

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

/** The inflated size of raw deflate data, or 'too-big' as soon as it passes `limit` (a lying header), or null when it is not deflate. */
async function inflatedSize(data: Uint8Array, limit: number): Promise<number | 'too-big' | null> {
  const reader = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return size;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return 'too-big';
      }
    }
  } catch {
    return null;
  }
}
