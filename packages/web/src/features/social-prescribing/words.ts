/** How social prescriptions and the services to choose from are put in words on the page. */
import {
  SOCIAL_PRESCRIPTION_STATE_LABELS,
  type ConsentMethod,
  type SocialPrescriptionKind,
  type SocialPrescriptionState,
} from '@kith/core';
import { formatDate } from '../../format';
import { METHOD_LABELS } from '../consent/labels';
import type { SearchResult } from '../directory/types';
import { referralWords } from '../directory/words';
import type { SocialPrescriptionView } from './types';

export function kindText(kind: SocialPrescriptionKind): string {
  return kind === 'referral' ? 'Referral' : 'Signposted';
}

/**
 * The NHS tag colour for a state: under way blue, waiting white, attending and completed green,
 * declined red, not taken up and withdrawn grey. The state is always written in the tag too.
 */
export function stateTagClass(state: SocialPrescriptionState): string {
  const colour: Record<SocialPrescriptionState, string | undefined> = {
    signposted: undefined,
    sent: 'white',
    accepted: undefined,
    attending: 'green',
    completed: 'green',
    declined: 'red',
    not_taken_up: 'grey',
    withdrawn: 'grey',
  };
  const modifier = colour[state];
  return modifier ? `nhsuk-tag nhsuk-tag--${modifier}` : 'nhsuk-tag';
}

/** "Given verbally, in person or by phone", or plainly not given. */
export function consentText(consent: { given: boolean; how: ConsentMethod | null }): string {
  if (!consent.given) return 'Not given: their details are not shared with the provider';
  return consent.how ? `Given: ${METHOD_LABELS[consent.how].toLowerCase()}` : 'Given';
}

/** "3 March 2026: attended", "10 March 2026: did not attend". */
export function sessionText(session: { on: string; attended: boolean }): string {
  return `${formatDate(session.on)}: ${session.attended ? 'attended' : 'did not attend'}`;
}

export function sessionCountText(sessions: readonly { attended: boolean }[]): string {
  if (sessions.length === 0) return 'No sessions recorded yet.';
  const attended = sessions.filter((s) => s.attended).length;
  const of = sessions.length === 1 ? '1 session' : `${sessions.length} sessions`;
  return `Attended ${attended} of ${of} recorded.`;
}

/** "Sent", then "Accepted (was sent)": each move from the state before. */
export function eventText(event: { from: SocialPrescriptionState | null; to: SocialPrescriptionState }): string {
  const to = SOCIAL_PRESCRIPTION_STATE_LABELS[event.to];
  return event.from ? `${to} (was ${SOCIAL_PRESCRIPTION_STATE_LABELS[event.from].toLowerCase()})` : to;
}

/** "History of changes (3)": the summary of the details element that holds them. */
export function historySummary(count: number): string {
  return `History of changes (${count})`;
}

/** The name a service is chosen by: its name, and who runs it when known. */
export function serviceLabel(service: Pick<SearchResult, 'name' | 'organisation'>): string {
  return service.organisation ? `${service.name}, ${service.organisation}` : service.name;
}

/** "0.8 km from their home", in kilometres to one decimal place, when measured from it. */
export function homeDistanceText(metres: number | null | undefined): string | undefined {
  if (metres === null || metres === undefined || !Number.isFinite(metres)) return undefined;
  return metres < 50 ? 'Less than 0.1 km from their home' : `${(metres / 1000).toFixed(1)} km from their home`;
}

/** What else helps choose a service: when it runs, whether it takes referrals, how far away. */
export function serviceDetails(service: Pick<SearchResult, 'when' | 'referral' | 'distanceMetres'>): string[] {
  const when = service.when.length > 0 ? service.when.join('; ') : 'Times not given';
  const distance = homeDistanceText(service.distanceMetres);
  return [when, referralWords(service.referral.mode), ...(distance ? [distance] : [])];
}

/** The count found, and that only the first page is shown when there are more. */
export function foundText(shown: number, total: number, nearHome: boolean): string {
  const near = nearHome ? ' near their home' : '';
  if (total === 0) return `No services found${near}. Try other words${nearHome ? ', or a greater distance' : ''}.`;
  const found = total === 1 ? `1 service found${near}` : `${total} services found${near}`;
  return shown < total ? `${found}. Showing the first ${shown}: add words to narrow the search.` : `${found}.`;
}

/** The success notice after a move, a session or a new one: where it has got to now. */
export function savedText(view: Pick<SocialPrescriptionView, 'words'>): string {
  return `${view.words}.`;
}

export function sessionSavedText(session: { on: string; attended: boolean }, view: Pick<SocialPrescriptionView, 'words'>): string {
  return `Session recorded: ${sessionText(session)}. ${view.words}.`;
}
