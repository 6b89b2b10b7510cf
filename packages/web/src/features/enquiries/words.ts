/** How enquiries, what came of them and their statistics are put in words on the page. */
import { ENQUIRY_OUTCOME_LABELS, ENQUIRY_OUTCOMES, SMALL_NUMBER_LIMIT, type EnquiryOutcome, type ShownCount } from '@kith/core';
import { formatDate } from '../../format';
import type { DirectorySearchAnswer, SearchResult } from '../directory/types';
import { countWords, distanceWords } from '../directory/words';

/** "A", "A and B", "A, B and C". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const isOutcome = (outcome: string): outcome is EnquiryOutcome => (ENQUIRY_OUTCOMES as readonly string[]).includes(outcome);

/**
 * What came of a logged enquiry, one line each: the services signposted and referred to by name
 * when known, otherwise the outcome's label. An outcome this page does not know is shown as the
 * API said it.
 */
export function outcomeWords(outcomes: readonly string[], signposted: readonly string[] = [], referredTo?: string): string[] {
  return outcomes.map((outcome) => {
    if (outcome === 'signposted' && signposted.length > 0) return `Signposted to ${andList(signposted)}`;
    if (outcome === 'referred' && referredTo) return `Referred to ${referredTo}`;
    return isOutcome(outcome) ? ENQUIRY_OUTCOME_LABELS[outcome] : outcome;
  });
}

/** Who was given the safeguarding task, said once an enquiry with a concern is logged. */
export function safeguardingTaskWords(lead: string | null | undefined): string {
  return `${lead?.trim() || 'The safeguarding lead'} has been given an urgent task`;
}

/** The hint under "Describe the concern": where it goes, naming the lead when the point of access is known. */
export function concernHint(lead: string | null | undefined): string {
  const name = lead?.trim();
  return name
    ? `This goes straight to ${name}, the safeguarding lead, as an urgent task`
    : 'This goes straight to the point of access’s safeguarding lead as an urgent task';
}

/** What helps choose a service to signpost to: when it runs and how far away it is. */
export function serviceHint(service: Pick<SearchResult, 'when' | 'distanceMetres'>): string[] {
  const when = service.when.length > 0 ? service.when.join('; ') : 'Times not given';
  const distance = distanceWords(service.distanceMetres);
  return distance ? [when, distance] : [when];
}

/** The count found, and that only the first page is shown when there are more. */
export function foundWords(answer: Pick<DirectorySearchAnswer, 'items' | 'total' | 'near'>, filtered: boolean): string {
  const found = countWords(answer.total, answer.near, filtered);
  if (answer.total === 0) return `${found}. Try other words, another day or a greater distance.`;
  return answer.items.length < answer.total ? `${found}. Showing the first ${answer.items.length}: add words to narrow the search.` : `${found}.`;
}

/** What a suppressed count is shown as: "fewer than 8". */
export const SUPPRESSED_WORDS = `fewer than ${SMALL_NUMBER_LIMIT + 1}`;

/** Why some counts are not shown, under the tables that hide them. */
export const SUPPRESSED_NOTE =
  `Numbers from 1 to ${SMALL_NUMBER_LIMIT} are shown as “${SUPPRESSED_WORDS}”. ` +
  'At a small point of access a small number could point to the person who made the enquiry, so it is hidden.';

/** A count as it may be shown: "fewer than 8" when suppressed, otherwise the number ("1,204"). */
export function shownCountWords(count: ShownCount | undefined): string {
  if (count === 'suppressed') return SUPPRESSED_WORDS;
  return (count ?? 0).toLocaleString('en-GB');
}

/** Whether any count in the statistics is suppressed, so the note saying why is needed. */
export function anySuppressed(...groups: ReadonlyArray<ShownCount | Partial<Record<string, ShownCount>>>): boolean {
  return groups.some((group) => (typeof group === 'object' ? Object.values(group).includes('suppressed') : group === 'suppressed'));
}

/** "1 May 2026 to 31 May 2026", or one day. */
export function periodWords(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} to ${formatDate(to)}`;
}

/** The total over the period, in a sentence. */
export function totalWords(total: ShownCount): string {
  if (total === 'suppressed') return `Fewer than ${SMALL_NUMBER_LIMIT + 1} enquiries were logged.`;
  if (total === 0) return 'No enquiries were logged.';
  return total === 1 ? '1 enquiry was logged.' : `${total.toLocaleString('en-GB')} enquiries were logged.`;
}
