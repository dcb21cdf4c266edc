import * as v from 'valibot';

/** Largest spreadsheet accepted: 2,000 rows fit easily. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** POST /api/admin/import and /import/preview: the file's bytes, base64 (GBK files are not text JSON can carry). */
export const ImportFileSchema = v.object({
  fileBase64: v.pipe(
    v.string('请上传表格文件'),
    v.nonEmpty('请上传表格文件'),
    v.maxLength(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, '文件太大：一次最多 1 MB'),
    v.regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是 base64'),
    // The alphabet alone is not enough: a wrong length ("/", "abcde") cannot be decoded.
    v.check(decodable, '文件内容不是 base64'),
  ),
});

function decodable(b64: string): boolean {
  try {
    atob(b64);
    return true;
  } catch {
    return false;
  }
}

/** The bytes of a base64 text that ImportFileSchema accepted. */
export function base64Bytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
