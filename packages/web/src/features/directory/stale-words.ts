/** The page of the stale report a link asks for; anything that is not a page number is the first page. */
export function pageOf(value: string | null): number {
  const trimmed = value?.trim() ?? '';
  if (!/^\d{1,4}$/.test(trimmed)) return 1;
  const page = Number(trimmed);
  return page >= 1 ? page : 1;
}

/** "3 listings need checking", or that none do. */
export function staleCountWords(total: number): string {
  if (total === 0) return 'Every listing has been checked with its service recently.';
  return total === 1 ? '1 listing needs checking.' : `${total} listings need checking.`;
}
