/**
 * One page of a list read newest first and paged "before" a row: the query reads `limit + 1` rows, and the extra
 * one, when it comes back, says there is more; the next page then starts before this page's last row
 * (`nextBefore`, its id), else `nextBefore` is null.
 */
export function pageBefore<Row extends { id: string | number }>(
  rows: readonly Row[],
  limit: number,
): { page: Row[]; nextBefore: Row["id"] | null } {
  const page = rows.slice(0, limit);
  return { page, nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
