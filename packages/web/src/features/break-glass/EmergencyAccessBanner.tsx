import { useEffect, useRef } from 'react';
import { formatDateTime, formatTime, todayIso } from '../../format';

interface EmergencyAccessBannerProps {
  grant: { reason: string; expiresAt: string };
  /** Just granted: the banner takes focus and is announced, since the form the user sent has gone. */
  announce: boolean;
}

/** At the top of every page of a record opened with emergency access, while that access lasts. */
export function EmergencyAccessBanner({ grant, announce }: EmergencyAccessBannerProps) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (announce) banner.current?.focus();
  }, [announce]);
  return (
    <div
      className="nhsuk-notification-banner"
      role={announce ? 'alert' : 'region'}
      aria-labelledby="emergency-access-banner-title"
      tabIndex={-1}
      ref={banner}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="emergency-access-banner-title">
          Important
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">You are using emergency access until {until(grant.expiresAt)}</p>
        <p>Your reason: {grant.reason}</p>
        <p>Everything you open is recorded and reviewed by the privacy officer, and the person can see it.</p>
      </div>
    </div>
  );
}

/** "14:05" today, or the date as well when access runs past midnight. */
function until(expiresAt: string): string {
  return todayIso(new Date(expiresAt)) === todayIso() ? formatTime(expiresAt) : formatDateTime(expiresAt);
}
