import { getCollection, type CollectionEntry } from 'astro:content';

type DocCollection = 'plans' | 'letters' | 'appeals' | 'news';

/** A collection's entries, newest first. */
export async function newestFirst<C extends DocCollection>(collection: C): Promise<CollectionEntry<C>[]> {
  const entries = (await getCollection(collection)) as CollectionEntry<C>[];
  return entries.sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}

/** The current document of a collection: the newest one. The build fails if there is none. */
export async function current<C extends DocCollection>(collection: C): Promise<CollectionEntry<C>> {
  const [entry] = await newestFirst(collection);
  if (!entry) throw new Error(`content/${collection} has no document`);
  return entry;
}
