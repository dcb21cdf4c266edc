import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * The published documents. Dates, contacts and schedule entries are typed
 * fields so pages can lay them out; a document with a missing or wrong field
 * fails the build, naming the file and the field.
 */

// Tests point this at a folder of broken fixtures to prove the build refuses them.
const CONTENT_DIR = process.env.SHOUWANG_CONTENT_DIR ?? './content';
const from = (folder: string) => glob({ base: `${CONTENT_DIR}/${folder}`, pattern: '**/*.md' });

const text = z.string().trim().min(1);
/** A school phone line: digits with an optional area-code dash. Never a person's mobile. */
const phone = z.string().regex(/^\d{3,4}-\d{7,8}$/, '电话格式应为区号-号码，例如 0000-5550100');

/** Every document has a title, a date and a one-line summary for lists and link previews. */
const document = z.object({
  title: text.max(40),
  date: z.coerce.date(),
  summary: text.max(90),
});

const plans = defineCollection({
  loader: from('plans'),
  schema: document.extend({
    schoolYear: text,
    guidingIdea: text,
    goals: z.array(z.object({ label: text, figure: text, detail: text })).min(1),
    emergencyNote: text,
    emergencyChain: z
      .array(z.object({ minutes: z.number().int().positive(), notify: text }))
      .min(1)
      .refine((steps) => steps.every((s, i) => i === 0 || s.minutes > steps[i - 1]!.minutes), '应急通知的时限必须逐级增加'),
    schedule: z
      .array(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'), items: z.array(text).min(1) }))
      .min(1),
    leadingGroup: z.array(z.object({ role: text, holder: text, duty: text })).min(1),
  }),
});

const letters = defineCollection({
  loader: from('letters'),
  schema: document.extend({
    greeting: text,
    asks: z.array(z.object({ when: text, what: text, detail: text })).min(1),
    contacts: z.array(z.object({ role: text, phone, hours: text })).min(1),
    closing: z.array(text).min(1),
    signature: text,
    signedOn: z.coerce.date(),
    returnSlip: z.object({
      returnBy: z.coerce.date(),
      statement: text,
      fields: z.array(text).min(1).max(8),
    }),
  }),
});

const appeals = defineCollection({
  loader: from('appeals'),
  schema: document.extend({
    ways: z.array(z.object({ title: text, text })).min(1),
    actions: z.array(z.object({ label: text, href: z.string().startsWith('/') })).min(1),
  }),
});

const news = defineCollection({
  loader: from('news'),
  schema: document,
});

/** The texts volunteers agree to: the code of conduct and the privacy notice, versioned. */
const policies = defineCollection({
  loader: from('policies'),
  schema: document.extend({
    version: z.string().regex(/^\d{4}-\d{2}$/, '版本格式应为 YYYY-MM'),
  }),
});

export const collections = { plans, letters, appeals, news, policies };
