export type Direction = 'up' | 'down';

/** The agenda's people with one moved a place up or down; undefined when it cannot move that way. */
export function moved(personIds: readonly string[], personId: string, direction: Direction): string[] | undefined {
  const from = personIds.indexOf(personId);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= personIds.length) return undefined;
  const order = [...personIds];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}
