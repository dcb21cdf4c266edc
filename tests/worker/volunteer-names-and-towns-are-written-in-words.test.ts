import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ORIGIN } from '../support/api-client';

const signUp = (name: string, town: string, mobile: string) =>
  exports.default.fetch(`${ORIGIN}/api/volunteers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ name, mobile, town, helpTypes: ['wish_cards'], agreeCode: true, agreePrivacy: true }),
  });

describe('a sign-up’s name and town', () => {
  it('are refused, each with a message beside it, when they hold only emoji, digits or marks', async () => {
    const res = await signUp('😀😀', '🌾🏠', '13900008801');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(error.code).toBe('invalid_input');
    expect(error.fields.name).toContain('请用文字写姓名');
    expect(error.fields.town).toContain('请用文字写镇或区的名字');
    expect((await signUp('123', '——', '13900008802')).status).toBe(400);
  });

  it('are kept when they hold words, with an emoji beside them or in another script', async () => {
    expect((await signUp('李🙂', '青石镇', '13900008803')).status).toBe(201);
    expect((await signUp('Anna Li', 'Qingshi', '13900008804')).status).toBe(201);
  });
});
