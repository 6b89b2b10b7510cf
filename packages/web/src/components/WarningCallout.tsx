import type { ReactNode } from 'react';

/** NHS warning callout (a warning card): something the user must know before they go on. */
export function WarningCallout({ heading, level = 2, children }: { heading: string; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading">
          {/* The heading is a yellow label; the word says what colour alone cannot. */}
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {heading}
        </Heading>
        {children}
      </div>
    </div>
  );
}
