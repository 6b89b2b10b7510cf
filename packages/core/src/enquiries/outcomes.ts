/**
 * What came of enquiries, the safeguarding task's title and the network lead's statistics. All
 * derived from what was logged; nothing here names a person.
 */
import { type ShownCount, suppressSmallNumber } from '../access/aggregates.js';
import {
  ENQUIRY_CHANNELS,
  ENQUIRY_OUTCOMES,
  ENQUIRY_TOPICS,
  type EnquiryChannel,
  type EnquiryOutcome,
  type EnquiryTopic,
} from './words.js';

/** The parts of an enquiry (new or stored) that say what came of it. */
export interface EnquiryOutcomeFacts {
  signpostedTo: readonly string[];
  referredTo?: object | null;
  safeguardingConcern?: object | null;
}

/**
 * Every outcome that applies, in the order of ENQUIRY_OUTCOMES: signposted, referred and a
 * safeguarding concern may go together; advice only when none of them.
 */
export function enquiryOutcomes(enquiry: EnquiryOutcomeFacts): EnquiryOutcome[] {
  const outcomes: EnquiryOutcome[] = [];
  if (enquiry.signpostedTo.length > 0) outcomes.push('signposted');
  if (enquiry.referredTo) outcomes.push('referred');
  if (enquiry.safeguardingConcern) outcomes.push('safeguarding');
  return outcomes.length > 0 ? outcomes : ['advice_only'];
}

/**
 * The title of the task that escalates a safeguarding concern to the named safeguarding lead.
 * It names only the point of access: a title shows in lists and notifications, so the person
 * and the concern belong in the task's restricted body, never here.
 */
export function safeguardingTaskTitle(pointOfAccessName: string): string {
  const name = pointOfAccessName.replace(/\s+/g, ' ').trim();
  return `Safeguarding concern raised at ${name === '' ? 'a point of access' : name}`;
}

/** One row of a grouped count, as a report query returns it: by topic, by outcome, or both. */
export interface EnquiryStatsRow {
  topic?: EnquiryTopic;
  outcome?: EnquiryOutcome;
  count: number;
}

/** An enquiry as the statistics need it: no person, no words. */
export interface EnquiryForStats {
  topics: readonly EnquiryTopic[];
  outcomes: readonly EnquiryOutcome[];
  channel: EnquiryChannel;
}

export interface EnquiryStats<N = number> {
  total: N;
  byTopic: Record<EnquiryTopic, N>;
  byOutcome: Record<EnquiryOutcome, N>;
  byChannel: Record<EnquiryChannel, N>;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * Counts for the network lead. An enquiry about two topics counts once under each, and one with
 * two outcomes once under each, so those columns may add up to more than the total; every topic,
 * outcome and channel is present, with 0 when none.
 */
export function enquiryStats(enquiries: readonly EnquiryForStats[]): EnquiryStats {
  const stats: EnquiryStats = {
    total: enquiries.length,
    byTopic: zeroes(ENQUIRY_TOPICS),
    byOutcome: zeroes(ENQUIRY_OUTCOMES),
    byChannel: zeroes(ENQUIRY_CHANNELS),
  };
  for (const enquiry of enquiries) {
    for (const topic of new Set(enquiry.topics)) stats.byTopic[topic] += 1;
    for (const outcome of new Set(enquiry.outcomes)) stats.byOutcome[outcome] += 1;
    stats.byChannel[enquiry.channel] += 1;
  }
  return stats;
}

const shown = <K extends string>(counts: Record<K, number>): Record<K, ShownCount> =>
  Object.fromEntries(Object.entries<number>(counts).map(([key, count]) => [key, suppressSmallNumber(count)])) as Record<K, ShownCount>;

/**
 * The statistics as a reader who sees aggregates only may see them: every count from 1 to 7
 * suppressed, by the same rule as every other aggregate in Kith (suppressSmallNumber).
 */
export function shownEnquiryStats(stats: EnquiryStats): EnquiryStats<ShownCount> {
  return {
    total: suppressSmallNumber(stats.total),
    byTopic: shown(stats.byTopic),
    byOutcome: shown(stats.byOutcome),
    byChannel: shown(stats.byChannel),
  };
}
