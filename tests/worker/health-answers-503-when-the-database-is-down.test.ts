import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

// Storage is isolated per test file, so breaking the schema here touches no other test.
describe('GET /api/health when the database cannot answer', () => {
  it('answers 503 with a structured body that names no SQL', async () => {
    await env.DB.exec('PRAGMA foreign_keys = OFF; DROP TABLE campaigns;');
    const res = await exports.default.fetch('http://shouwang.test/api/health');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string; fields: object } };
    expect(body.error.code).toBe('database_unavailable');
    expect(body.error.message).toMatch(/暂时不可用/);
    expect(body.error.fields).toEqual({});
    expect(JSON.stringify(body)).not.toMatch(/campaigns|SQL|no such table/i);
  });
});
