import { useEffect, useRef } from 'react';

/**
 * NHS success notification banner, markup only (no nhsuk-frontend script). Like the design
 * system's own script, it takes focus when it appears or its message changes, so keyboard and
 * screen reader users learn that the action worked; the control they used may have gone.
 */
export function SuccessBanner({ message }: { message: string }) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    banner.current?.focus();
  }, [message]);
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
      tabIndex={-1}
      ref={banner}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
