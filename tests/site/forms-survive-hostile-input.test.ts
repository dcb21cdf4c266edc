/**
 * Property-based: every form of the site, posted with its valid token but with
 * generated hostile fields (missing, extra, repeated, huge, control characters,
 * markup, SQL, broken files), answers with the page and its message or a
 * redirect: never a 5xx, never an internal detail, and a refusal writes nothing.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCanaryCampaign } from '../support/canary-campaign';
import { databaseDigest, unreadableTexts } from '../support/db-digest';
import { discoverForms, TOKEN_FIELDS, type FoundForm } from '../support/site-forms';
import { hostileString, INTERNALS } from '../support/hostile-values';
import { ORIGIN } from '../support/site-client';

let forms: FoundForm[] = [];

beforeAll(async () => {
  // Logging out is the one form whose success would end the sweep's session.
  forms = (await discoverForms(await seedCanaryCampaign())).filter((f) => f.action !== '/admin/logout');
});

/** The fields a button or an action selector carries: kept so the post reaches the right code. */
const STEERING = new Set([...TOKEN_FIELDS, '_action', 'action']);

/** A form's fields, each kept, dropped, replaced with hostile text or repeated; plus strangers. */
function mutatedFields(fields: [string, string][]): fc.Arbitrary<[string, string][]> {
  const each = fields.map(([name, value]) =>
    STEERING.has(name)
      ? fc.constant<[string, string][]>([[name, value]])
      : fc.oneof(
          fc.constant<[string, string][]>([[name, value]]),
          fc.constant<[string, string][]>([]),
          hostileString.map((s): [string, string][] => [[name, s]]),
          fc.array(hostileString, { minLength: 2, maxLength: 3 }).map((list) => list.map((s): [string, string] => [name, s])),
        ),
  );
  // workerd's FormData refuses a name ending in a backslash (the client side, not the site).
  const extra = fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 10 }).filter((s) => !s.endsWith('\\')), fc.constantFrom('status', 'id', 'volunteerId', 'claim', 'name[]', '__proto__')), hostileString), { maxLength: 3 });
  return fc.tuple(fc.tuple(...each), extra).map(([kept, more]) => [...kept.flat(), ...more]);
}

function body(form: FoundForm, fields: [string, string][], fileBytes: Uint8Array<ArrayBuffer>): { body: BodyInit; type?: string } {
  if (form.enctype === 'multipart/form-data') {
    const data = new FormData();
    for (const [k, v] of fields) data.append(k, v);
    data.set('file', new File([fileBytes], 'cards.csv', { type: 'text/csv' }));
    return { body: data };
  }
  return { body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded' };
}

/** The form's steering fields, then raw bytes that are not UTF-8 or not the multipart they claim to be. */
function rawBody(form: FoundForm, bytes: Uint8Array): { body: BodyInit; type: string } {
  const head = new TextEncoder().encode(new URLSearchParams(form.fields.filter(([k]) => STEERING.has(k))).toString() + '&');
  const type = form.enctype === 'multipart/form-data' ? 'multipart/form-data; boundary=----broken' : 'application/x-www-form-urlencoded';
  return { body: new Uint8Array([...head, ...bytes]), type };
}

describe('forms under generated hostile input', () => {
  it('found the forms of every visitor', () => {
    expect(forms.length).toBeGreaterThanOrEqual(15);
  });

  it('each answers with its page and a message, or moves on; never a 5xx; a refusal writes nothing', async () => {
    for (const form of forms) {
      const what = `${form.whoName} ${form.action} (${form.fields.map(([k]) => k).join(',')})`;
      await fc.assert(
        fc.asyncProperty(mutatedFields(form.fields), fc.uint8Array({ maxLength: 400 }), fc.option(fc.uint8Array({ maxLength: 300 }), { freq: 4 }), async (fields, fileBytes, raw) => {
          const before = await databaseDigest();
          const { body: payload, type } = raw ? rawBody(form, raw) : body(form, fields, new Uint8Array(fileBytes));
          const res = await form.who.visit(form.action, { method: 'POST', headers: { Origin: ORIGIN, ...(type ? { 'Content-Type': type } : {}) }, body: payload });
          const html = await res.text();
          expect(res.status, what).toBeLessThan(500);
          expect(html, what).not.toMatch(INTERNALS);
          if (res.status >= 400) {
            expect(html, `${what} answered ${res.status} without a message`).toMatch(/role="alert"/);
            expect(await databaseDigest(), `${what} refused with ${res.status} but wrote`).toEqual(before);
          } else {
            expect([200, 303], what).toContain(res.status);
          }
        }),
        // 20 mutated posts a form: every form of every visitor, within about half a minute on a 2-core machine.
        { numRuns: 20 },
      );
    }
    expect(await unreadableTexts(), 'stored text no other tool can read, or a direction mark in a one-line field').toEqual([]);
  });
});

describe('the sign-up form', () => {
  const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

  it('keeps everything typed when it refuses the post', async () => {
    const signup = forms.find((f) => f.action.startsWith('/volunteer/'))!;
    const token = signup.fields.find(([k]) => k === '_csrf')!;
    const plain = fc.string({ unit: fc.constantFrom(...'abcXYZ019王李青石镇心愿 '), minLength: 1, maxLength: 15 }).map((s) => s.trim() || '王');
    await fc.assert(
      fc.asyncProperty(plain, plain, plain, fc.constantFrom('123', '1391234', 'abc'), async (name, town, note, badMobile) => {
        const res = await signup.who.postForm(signup.action, new URLSearchParams([token, ['name', name], ['town', town], ['note', note], ['mobile', badMobile], ['helpTypes', 'wish_cards']]));
        expect(res.status).toBe(400);
        const html = await res.text();
        for (const typed of [name, town, badMobile]) expect(html).toContain(`value="${escape(typed)}"`);
        expect(html).toContain(`>${escape(note)}</textarea>`);
        expect(html).toMatch(/href="#mobile"/);
      }),
      { numRuns: 30 },
    );
  });
});
