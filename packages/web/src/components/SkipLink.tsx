import type { MouseEvent } from 'react';

export const MAIN_CONTENT_ID = 'maincontent';

/**
 * Moves focus to the main content itself rather than only scrolling, so the next Tab starts
 * there; it also keeps the router's URL free of a #maincontent fragment.
 */
export function SkipLink() {
  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }
  return (
    <a className="nhsuk-skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={skipToMain}>
      Skip to main content
    </a>
  );
}
