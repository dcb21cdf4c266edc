import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Dated news of the programme. */
const news = defineCollection({
  loader: glob({ base: './content/news', pattern: '**/*.md' }),
  schema: z.object({
    title: z.string().min(1),
    date: z.coerce.date(),
    summary: z.string().min(1).max(120),
  }),
});

export const collections = { news };
