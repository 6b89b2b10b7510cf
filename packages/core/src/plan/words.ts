/** Plain words for plan text: quotations, dates and who wrote something. Internal to plan. */
import { isIsoDate } from '../people/dates.js';
import { STAFF_ROLE_LABELS } from '../registry/roles.js';
import type { ActionDoerRef, PlanAuthor } from './content.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A statement quoted in a summary, cut at a word near `max` characters so a long one stays readable. */
export function quote(text: string, max = 80): string {
  if (text.length <= max) return `“${text}”`;
  const cut = text.slice(0, max);
  const atWord = cut.lastIndexOf(' ');
  return `“${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…”`;
}

/** "3 November 2026", as the GOV.UK style guide writes dates. */
export function dateInWords(day: string): string {
  if (!isIsoDate(day)) return day;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** "Sam Patel (Community nurse)", or "the person". */
export function authorInWords(author: PlanAuthor): string {
  return author.kind === 'person' ? 'the person' : `${author.name} (${STAFF_ROLE_LABELS[author.role]})`;
}

const DOER_WORDS: Readonly<Record<ActionDoerRef['kind'], string>> = {
  me: 'the person',
  family: 'family',
  professional: 'professional',
  community_service: 'community service',
};

/** "Jane Okafor (family)"; for the person themselves, just their name. */
export function doerInWords(who: ActionDoerRef): string {
  return who.kind === 'me' ? who.name : `${who.name} (${DOER_WORDS[who.kind]})`;
}
