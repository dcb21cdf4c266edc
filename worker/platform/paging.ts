/** One page of a list and where it sits: the rows query and the count query run together. */
export async function paged<T>(rows: PromiseLike<T[]>, counted: PromiseLike<{ n: number }[]>, page: number, pageSize: number) {
  const [items, [total]] = await Promise.all([rows, counted]);
  const n = total?.n ?? 0;
  return { items, total: n, page, pages: Math.max(1, Math.ceil(n / pageSize)) };
}
