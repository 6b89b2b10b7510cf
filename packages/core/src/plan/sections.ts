/**
 * The parts of a My Life plan, after the PRSB personalised care and support plan: about me,
 * what matters to me, my strengths, my goals across life, my support network, what to do if
 * things go wrong, my health and care, my wishes for the end of my life, and how to
 * communicate with me. Each part but the goals is a list of statements; the goals have their
 * own shape (content.ts).
 */
import { CLINICAL_ROLES } from '../access/permissions.js';
import type { StaffRole } from '../registry/roles.js';

/** The parts written as statements, in the order the plan is read and printed. */
export const PLAN_SECTIONS = [
  'aboutMe',
  'whatMattersToMe',
  'strengths',
  'supportNetwork',
  'ifThingsGoWrong',
  'healthAndCare',
  'endOfLife',
  'communicationNeeds',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/**
 * The sections only staff with a clinical role may write in (CLINICAL_ROLES: GPs, nurses,
 * pharmacists, therapists, mental health practitioners, social workers, network leads).
 *
 * - `healthAndCare` holds health needs and the clinical side of a crisis: medicines, a rescue
 *   pack, when to call the community matron rather than 999. Read in an emergency as
 *   instructions, so a wrong line can do harm.
 * - `endOfLife` holds preferences for care at the end of life and any ReSPECT-type
 *   recommendations (resuscitation, preferred place of care). Those conversations are led by a
 *   clinician, and the recommendations are clinical decisions read by ambulance crews.
 *
 * `ifThingsGoWrong` is deliberately not clinical: the everyday contingency plan (who to ring
 * if a carer is ill, where the key safe is, what calms me) is the heart of what a coordinator
 * co-writes with the person; clinical escalation belongs in `healthAndCare`.
 *
 * Anyone may comment in these sections, and the person may always add and change their own
 * words there (it is their plan); only what staff wrote is locked to clinical roles.
 */
export const CLINICAL_PLAN_SECTIONS = ['healthAndCare', 'endOfLife'] as const satisfies readonly PlanSection[];

export function isClinicalSection(section: PlanSection): boolean {
  return (CLINICAL_PLAN_SECTIONS as readonly PlanSection[]).includes(section);
}

/** True when one of the roles is a clinical role, which opens the clinical sections. */
export function mayWriteClinicalSections(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => (CLINICAL_ROLES as readonly StaffRole[]).includes(role));
}

/** Life domains a goal belongs to (the model of care's "goals across life"). */
export const GOAL_DOMAINS = [
  'health',
  'home',
  'community_and_social_life',
  'self_care',
  'relationships',
  'money',
  'work_and_learning',
] as const;
export type GoalDomain = (typeof GOAL_DOMAINS)[number];

export const GOAL_DOMAIN_LABELS: Readonly<Record<GoalDomain, string>> = {
  health: 'My health',
  home: 'My home',
  community_and_social_life: 'Community and social life',
  self_care: 'Looking after myself',
  relationships: 'Relationships',
  money: 'Money',
  work_and_learning: 'Work and learning',
};

/** Everything a plan holds that a change can touch: the sections, the goals and the review date. */
export type PlanPart = PlanSection | 'goals' | 'reviewDate';

/** The order the plan is read, printed and compared in: the goals after my strengths, the review date last. */
export const PLAN_PARTS = [
  'aboutMe',
  'whatMattersToMe',
  'strengths',
  'goals',
  'supportNetwork',
  'ifThingsGoWrong',
  'healthAndCare',
  'endOfLife',
  'communicationNeeds',
  'reviewDate',
] as const satisfies readonly PlanPart[];

/** Titles in the person's voice, as the plan is printed and as "what changed" names each part. */
export const PLAN_PART_TITLES: Readonly<Record<PlanPart, string>> = {
  aboutMe: 'About me',
  whatMattersToMe: 'What matters to me',
  strengths: 'My strengths',
  goals: 'My goals',
  supportNetwork: 'My support network',
  ifThingsGoWrong: 'What to do if things go wrong',
  healthAndCare: 'My health and care',
  endOfLife: 'My wishes for the end of my life',
  communicationNeeds: 'How to communicate with me',
  reviewDate: 'Review date',
};

/** Who does an action for a goal. */
export const ACTION_DOERS = ['me', 'family', 'professional', 'community_service'] as const;
export type ActionDoer = (typeof ACTION_DOERS)[number];

export const ACTION_DOER_LABELS: Readonly<Record<ActionDoer, string>> = {
  me: 'Me',
  family: 'My family',
  professional: 'A professional',
  community_service: 'A community service',
};
