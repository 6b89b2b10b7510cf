/** The plan's facts in plain words, as the plan page says them. */
import {
  attributionInWords,
  daysToPlanReview,
  PLAN_AGREEMENT_METHOD_LABELS,
  PLAN_PART_TITLES,
  PLAN_PARTS,
  STAFF_ROLE_LABELS,
  type ActionDoerRef,
  type GoalAction,
  type PlanAuthor,
  type PlanChange,
  type PlanPart,
  type Statement,
} from '@kith/core';
import { formatDate, formatDateTime, todayIso } from '../../format';
import type { PlanAgreementView, PlanSaved, Recorder } from './types';

/** "3 June 2026", the day an instant fell on where the reader is. */
export const dayOf = (instant: string) => formatDate(todayIso(new Date(instant)));

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** "Review due in 5 days", "Review due today", "Review overdue (due 3 days ago)", or the date when it is far off. */
export function reviewInWords(reviewDate: string, today: string): string {
  const d = daysToPlanReview(reviewDate, today);
  if (d < 0) return `Review overdue (due ${d === -1 ? 'yesterday' : `${days(-d)} ago`})`;
  if (d === 0) return 'Review due today';
  if (d === 1) return 'Review due tomorrow';
  return d <= 14 ? `Review due in ${days(d)}` : `Review due by ${formatDate(reviewDate)}`;
}

/** "Agreed in person on 3 March 2026", "Agreed online by the person on 3 March 2026". */
export function agreementInWords(agreement: Pick<PlanAgreementView, 'how' | 'agreedOn'>): string {
  const how = agreement.how === 'portal' ? 'online by the person' : PLAN_AGREEMENT_METHOD_LABELS[agreement.how].toLowerCase();
  return `Agreed ${how} on ${formatDate(agreement.agreedOn)}`;
}

export const recorderInWords = (recorder: Recorder) => (recorder.kind === 'person' ? 'the person' : recorder.name);

/** "Sam Patel (Riverside Surgery) on 3 June 2026 at 14:05". */
export function savedInWords(saved: PlanSaved): string {
  const where = saved.organisationName ? ` (${saved.organisationName})` : '';
  return `${recorderInWords(saved.by)}${where} on ${formatDateTime(saved.at)}`;
}

/** Who a statement is from and the day: "My own words, recorded by Sam Patel (Community nurse), 3 June 2026". */
export const bylineOf = (statement: Statement) => `${attributionInWords(statement)}, ${dayOf(statement.writtenAt)}`;

const DOER_WORDS: Readonly<Record<ActionDoerRef['kind'], string>> = {
  me: 'the person',
  family: 'family',
  professional: 'professional',
  community_service: 'community service',
};

/** "Jane Okafor (family)". */
export const doerInWords = (who: ActionDoerRef) => `${who.name} (${DOER_WORDS[who.kind]})`;

/** "Who: Jane Okafor (family), by when: 3 March 2026". */
export function actionInWords(action: GoalAction): string {
  return `Who: ${doerInWords(action.who)}, by when: ${action.byWhen ? formatDate(action.byWhen) : 'no date set'}`;
}

/** "Sam Patel (Community nurse)", or "the person", for a comment. */
export const authorInWords = (author: PlanAuthor) => (author.kind === 'person' ? 'the person' : `${author.name} (${STAFF_ROLE_LABELS[author.role]})`);

/** Changes under the part of the plan they are in, in the order the plan is read; parts with none left out. */
export function changesByPart(changes: readonly PlanChange[]): Array<{ part: PlanPart; title: string; changes: PlanChange[] }> {
  return PLAN_PARTS.map((part) => ({ part, title: PLAN_PART_TITLES[part], changes: changes.filter((c) => c.part === part) })).filter(
    (group) => group.changes.length > 0,
  );
}
