import { API_SCOPES, type ApiScope } from '@kith/core';
import { formatDate, todayIso } from '../../format';

/** What each scope lets a connected system do, in plain words. */
export const SCOPE_LABELS: Record<ApiScope, { text: string; hint: string }> = {
  'alerts:write': { text: 'Raise alerts', hint: 'For telecare platforms: alarms and falls alerts for people in Kith' },
  'alerts:read': { text: 'Read alerts', hint: 'See the alerts raised for people' },
  'import:write': {
    text: 'Import records',
    hint: 'For data feeds from GP and hospital systems: demographics, contact details and record entries',
  },
  'reports:read': { text: 'Read aggregate reports', hint: 'For reporting tools: small numbers are suppressed' },
  'directory:write': { text: 'Update the directory', hint: 'For council and voluntary-sector directories: Open Referral UK services, no person data' },
};

export const SCOPES = Object.keys(API_SCOPES) as ApiScope[];

export function isApiScope(value: string): value is ApiScope {
  return (SCOPES as string[]).includes(value);
}

/** "Raise alerts, Read alerts"; a scope the web app does not know yet is shown as the API names it. */
export function scopesInWords(scopes: readonly string[]): string {
  return scopes.map((scope) => (isApiScope(scope) ? SCOPE_LABELS[scope].text : scope)).join(', ');
}

export function statusLabel(disabled: boolean): string {
  return disabled ? 'Disabled' : 'Active';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "3 June 2026 at 14:05" in the user's own time zone, from an ISO date and time. */
export function dateTimeInWords(isoDateTime: string): string {
  const at = new Date(isoDateTime);
  if (Number.isNaN(at.getTime())) return isoDateTime;
  return `${formatDate(todayIso(at))} at ${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
}
