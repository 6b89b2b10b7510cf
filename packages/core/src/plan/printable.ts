/**
 * The printable plan as data: its parts in order with their titles in plain words, and the
 * goals grouped by the part of life they are about. The web app and any PDF lay it out; this
 * decides only what is printed and in what order.
 *
 * "My wishes for the end of my life" is left out when empty, because the person may not wish
 * to say, and an empty heading would read as a question still waiting for them.
 */
import type { Goal, MyLifePlanContent, Statement } from './content.js';
import { GOAL_DOMAIN_LABELS, GOAL_DOMAINS, PLAN_PART_TITLES, PLAN_PARTS, type GoalDomain, type PlanPart } from './sections.js';
import { authorInWords, dateInWords } from './words.js';

/** Parts printed only when they hold something. */
export const PLAN_PARTS_PRINTED_ONLY_WHEN_FILLED: readonly PlanPart[] = ['endOfLife'];

/** Shown under a part that is empty but always printed. */
export const EMPTY_PART_TEXT = 'Nothing written yet.';

export type PrintablePlanPart =
  | { part: Exclude<PlanPart, 'goals' | 'reviewDate'>; title: string; statements: Statement[] }
  | { part: 'goals'; title: string; byDomain: { domain: GoalDomain; title: string; goals: Goal[] }[] }
  | { part: 'reviewDate'; title: string; text: string };

/** The plan's parts in reading order, titled, with what each holds. */
export function printablePlan(plan: MyLifePlanContent): PrintablePlanPart[] {
  return PLAN_PARTS.flatMap((part): PrintablePlanPart[] => {
    const title = PLAN_PART_TITLES[part];
    if (part === 'reviewDate') return [{ part, title, text: `This plan will be looked at again with me by ${dateInWords(plan.reviewDate)}.` }];
    if (part === 'goals') return [{ part, title, byDomain: goalsByDomain(plan.goals) }];
    const statements = plan[part];
    if (statements.length === 0 && PLAN_PARTS_PRINTED_ONLY_WHEN_FILLED.includes(part)) return [];
    return [{ part, title, statements }];
  });
}

/**
 * Who a statement is from, printed beneath it, so the person's voice is never mistaken for a
 * professional's: "In my own words", "My own words, recorded by Sam Patel (Community nurse)",
 * or "Written by Sam Patel (Community nurse)".
 */
export function attributionInWords(statement: Statement): string {
  const by = statement.writtenBy;
  if (by.kind === 'person') return 'In my own words';
  return statement.personsOwnWords ? `My own words, recorded by ${authorInWords(by)}` : `Written by ${authorInWords(by)}`;
}

/** Goals under the part of life they are about, in the domains' order; domains with no goal left out. */
function goalsByDomain(goals: readonly Goal[]): { domain: GoalDomain; title: string; goals: Goal[] }[] {
  return GOAL_DOMAINS.map((domain) => ({ domain, title: GOAL_DOMAIN_LABELS[domain], goals: goals.filter((g) => g.domain === domain) })).filter(
    (group) => group.goals.length > 0,
  );
}
