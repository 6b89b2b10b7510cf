import { useEffect } from 'react';

export const SERVICE_NAME = 'Kith';

/**
 * Each page names itself in the browser title, so screen reader users hear where they are
 * after a navigation and the history list tells pages apart (WCAG 2.4.2).
 */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, hasErrors]);
}
