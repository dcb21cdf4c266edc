/**
 * Every state-changing form the site shows (found by crawling it as a
 * coordinator, as a volunteer and as a stranger) refuses a post without its
 * token and a post from another site, and writes nothing either way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCanaryCampaign } from '../support/canary-campaign';
import { databaseDigest } from '../support/db-digest';
import { discoverForms, TOKEN_FIELDS, type FoundForm } from '../support/site-forms';

let forms: FoundForm[] = [];

beforeAll(async () => {
  forms = await discoverForms(await seedCanaryCampaign());
  console.info(`csrf: ${forms.length} distinct state-changing forms found`);
});

describe('every state-changing form', () => {
  it('was found: the console’s, the volunteer’s and the public ones', () => {
    expect(forms.length).toBeGreaterThanOrEqual(15);
    expect(new Set(forms.map((f) => f.whoName))).toEqual(new Set(['coordinator', 'volunteer', 'stranger']));
    for (const f of forms) expect(f.fields.some(([k]) => TOKEN_FIELDS.includes(k)), `${f.action} has no token`).toBe(true);
  });

  it('refuses a post without its token and writes nothing', async () => {
    for (const f of forms) {
      const before = await databaseDigest();
      const res = await f.who.postForm(f.action, new URLSearchParams(f.fields.filter(([k]) => !TOKEN_FIELDS.includes(k))));
      expect(res.status, `${f.whoName} ${f.action} ${f.fields.map(([k]) => k).join(',')}`).toBe(403);
      expect(await databaseDigest(), f.action).toEqual(before);
    }
  });

  it('refuses a post from another site, token and all, and writes nothing', async () => {
    for (const f of forms) {
      const before = await databaseDigest();
      const res = await f.who.postForm(f.action, new URLSearchParams(f.fields), 'https://evil.example');
      expect(res.status, `${f.whoName} ${f.action}`).toBe(403);
      expect(await databaseDigest(), f.action).toEqual(before);
    }
  });

  it('accepts the same form with its token from this site (so the refusals above are not an accident)', async () => {
    const cancel = forms.find((f) => f.whoName === 'volunteer' && f.action === '/me' && f.fields.some(([k, v]) => k === '_action' && v === 'cancel'))!;
    const res = await cancel.who.postForm(cancel.action, new URLSearchParams(cancel.fields));
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/me?done=cancel');
  });
});
