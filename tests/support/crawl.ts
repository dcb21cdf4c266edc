/**
 * A crawler for the built site: starts from given paths, follows every
 * same-origin link, image, stylesheet, GET form (with each of its select
 * options) and sitemap or feed address it finds, and keeps every answer.
 */
import { ORIGIN, Visitor } from './site-client';

export interface Answer {
  path: string;
  status: number;
  /** Every header and the whole body, as one text to search. */
  text: string;
}

/** Same-origin paths a page points at: links, sources, GET forms and their options, sitemap and feed entries. */
export function pathsIn(body: string, from: string): string[] {
  const base = new URL(from, ORIGIN);
  const found = new Set<string>();
  const add = (raw: string) => {
    try {
      const url = new URL(raw.replaceAll('&amp;', '&'), base);
      if (url.origin === ORIGIN) found.add(url.pathname + url.search);
    } catch {
      // not an address
    }
  };
  for (const m of body.matchAll(/\b(?:href|src)="([^"]+)"/g)) add(m[1]!);
  for (const m of body.matchAll(/<(?:loc|link|guid)>([^<]+)<\//g)) add(m[1]!);
  // Each GET form with each option of each of its selects: the wall's filters, the news pages.
  for (const form of body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (/method="post"/i.test(form[1]!)) continue;
    const action = form[1]!.match(/action="([^"]*)"/)?.[1] ?? from;
    for (const select of form[2]!.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      for (const option of select[2]!.matchAll(/<option[^>]*value="([^"]*)"/g)) {
        const url = new URL(action, base);
        url.searchParams.set(select[1]!, option[1]!);
        add(url.toString());
      }
    }
  }
  return [...found];
}

/** Visits `start` and everything reachable from it (that `follow` allows), up to `limit` addresses. */
export async function crawl(who: Visitor, start: string[], limit = 800, follow: (path: string) => boolean = () => true): Promise<Answer[]> {
  const queue = [...new Set(start)];
  const seen = new Set(queue);
  const answers: Answer[] = [];
  while (queue.length && answers.length < limit) {
    const path = queue.shift()!;
    const res = await who.visit(path);
    const body = await res.text();
    answers.push({ path, status: res.status, text: [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n') + '\n\n' + body });
    // A redirect is followed like a link.
    const next = res.headers.get('Location') ? [new URL(res.headers.get('Location')!, new URL(path, ORIGIN)).pathname] : [];
    if (/html|xml/.test(res.headers.get('Content-Type') ?? '')) next.push(...pathsIn(body, path));
    for (const p of next) {
      if (!seen.has(p) && follow(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  return answers;
}

/** The answers that carry any of `secrets`, with the secret found (case-insensitive). */
export function leaks(answers: Answer[], secrets: string[]): { path: string; secret: string }[] {
  const wanted = secrets.filter(Boolean).map((s) => s.toLowerCase());
  return answers.flatMap((a) => {
    const text = a.text.toLowerCase();
    return wanted.filter((s) => text.includes(s)).map((secret) => ({ path: a.path, secret }));
  });
}
