import type { ReactNode } from 'react';

/** Several short lines in one value, one per line; the blank ones left out. */
export function lines(items: readonly ReactNode[]): ReactNode {
  return items
    .filter((item) => item !== null && item !== undefined && item !== false && item !== '')
    .map((item, index) => (
      <span key={index}>
        {index > 0 && <br />}
        {item}
      </span>
    ));
}
