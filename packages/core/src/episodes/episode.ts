/**
 * A support episode (FHIR EpisodeOfCare): a stretch of support from a named coordinator, such as
 * a Personal Independence Coordinator's twelve weeks of home visits. Its statuses and the only
 * changes between them (episode-changes.ts applies them):
 *
 *   waiting → active ⇄ paused
 *   waiting | active | paused → ended (a reason is required; an exit plan once support began)
 *
 * Dates are England calendar dates (YYYY-MM-DD); "today" is always the caller's.
 */
import { z } from 'zod';
import { isIsoDate } from '../people/dates.js';
import { parseOrThrow } from '../input.js';

export const EPISODE_TYPES = ['pic_independence_support', 'care_coordination'] as const;
export type EpisodeType = (typeof EPISODE_TYPES)[number];

export const EPISODE_TYPE_LABELS: Readonly<Record<EpisodeType, string>> = {
  pic_independence_support: 'Independence support (Personal Independence Coordinator)',
  care_coordination: 'Care coordination',
};

export const EPISODE_STATUSES = ['waiting', 'active', 'paused', 'ended'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

export const EPISODE_STATUS_LABELS: Readonly<Record<EpisodeStatus, string>> = {
  waiting: 'Waiting to start',
  active: 'Active',
  paused: 'Paused',
  ended: 'Ended',
};

/** Statuses in which the episode is still open: on a caseload, and a second one is refused. */
export const OPEN_EPISODE_STATUSES = ['waiting', 'active', 'paused'] as const satisfies readonly EpisodeStatus[];

export const EPISODE_PAUSE_REASONS = ['in_hospital', 'person_request', 'away_from_home', 'other'] as const;
export type EpisodePauseReason = (typeof EPISODE_PAUSE_REASONS)[number];

export const EPISODE_PAUSE_REASON_LABELS: Readonly<Record<EpisodePauseReason, string>> = {
  in_hospital: 'In hospital',
  person_request: 'The person asked for a pause',
  away_from_home: 'Away from home',
  other: 'Other',
};

export const EPISODE_END_REASONS = [
  'goals_met',
  'person_declined',
  'could_not_contact',
  'moved_away',
  'admitted_long_term',
  'transferred',
  'died',
  'other',
] as const;
export type EpisodeEndReason = (typeof EPISODE_END_REASONS)[number];

export const EPISODE_END_REASON_LABELS: Readonly<Record<EpisodeEndReason, string>> = {
  goals_met: 'Goals met',
  person_declined: 'The person declined further support',
  could_not_contact: 'Could not make contact',
  moved_away: 'Moved away',
  admitted_long_term: 'Moved into long-term care',
  transferred: 'Transferred to another service',
  died: 'Died',
  other: 'Other',
};

/** Planned length in weeks: twelve unless set, as the model of care describes a PIC episode. */
export const EPISODE_WEEKS = { default: 12, min: 1, max: 52 } as const;

/**
 * What the domain knows of an episode. `pausedDays` is the total of finished pauses (the current
 * one, if paused, runs from `pausedOn`); `resumedOn` is the day the last pause ended. Both are
 * kept so that the week count and a backdated end date can be checked without the history.
 */
export interface EpisodeState {
  type: EpisodeType;
  status: EpisodeStatus;
  referralId: string | null;
  plannedWeeks: number;
  startOn: string | null;
  pausedOn: string | null;
  pauseReason: EpisodePauseReason | null;
  pauseNote: string | null;
  resumedOn: string | null;
  pausedDays: number;
  endedOn: string | null;
  endReason: EpisodeEndReason | null;
  endNote: string | null;
  exitPlan: string | null;
}

const isoDate = (what: string) => z.string(`Give ${what}`).refine(isIsoDate, `Give ${what} as a real date, written as YYYY-MM-DD`);
const note = z.string('Must be text').trim().max(2000, 'Keep the note to 2,000 characters or fewer');
const plannedWeeks = z
  .int('Give a whole number of weeks')
  .min(EPISODE_WEEKS.min, `Give ${EPISODE_WEEKS.min} week or more`)
  .max(EPISODE_WEEKS.max, `Give ${EPISODE_WEEKS.max} weeks or fewer`);
const exitPlan = z
  .string('Write the exit plan')
  .trim()
  .min(1, 'Write the exit plan: what happens for the person after this support')
  .max(4000, 'Keep the exit plan to 4,000 characters or fewer');
const version = z.int('Send the version you read').positive('Send the version you read');

export const episodeCreateSchema = z.strictObject({
  type: z.enum(EPISODE_TYPES, 'Choose independence support or care coordination'),
  /** The referral the episode came from, when it came from one. */
  referralId: z.uuid('Must be a referral id').optional(),
  plannedWeeks: plannedWeeks.default(EPISODE_WEEKS.default),
  /** Given when support has already begun: the episode is then created active. */
  startOn: isoDate('the start date').optional(),
});
export type EpisodeCreateInput = z.input<typeof episodeCreateSchema>;
export type EpisodeCreate = z.output<typeof episodeCreateSchema>;

/** A new episode, or a 400 naming every field at fault; a start date may not be after today. */
export function parseEpisodeCreate(input: unknown, today: string): EpisodeCreate {
  return parseOrThrow(episodeCreateSchema, input, (create) =>
    create.startOn !== undefined && create.startOn > today ? [{ field: 'startOn', reason: 'A start date cannot be in the future' }] : [],
  );
}

/** The episode a parsed create input describes: active from its start date, else waiting. */
export function newEpisode(create: EpisodeCreate): EpisodeState {
  return {
    type: create.type,
    status: create.startOn === undefined ? 'waiting' : 'active',
    referralId: create.referralId ?? null,
    plannedWeeks: create.plannedWeeks,
    startOn: create.startOn ?? null,
    pausedOn: null,
    pauseReason: null,
    pauseNote: null,
    resumedOn: null,
    pausedDays: 0,
    endedOn: null,
    endReason: null,
    endNote: null,
    exitPlan: null,
  };
}

export const episodeStartSchema = z.strictObject({ kind: z.literal('start'), startOn: isoDate('the start date').optional() });
export const episodePauseSchema = z.strictObject({
  kind: z.literal('pause'),
  reason: z.enum(EPISODE_PAUSE_REASONS, 'Choose why the episode is paused'),
  note: note.optional(),
});
export const episodeResumeSchema = z.strictObject({ kind: z.literal('resume') });
export const episodeEndSchema = z.strictObject({
  kind: z.literal('end'),
  reason: z.enum(EPISODE_END_REASONS, 'Choose why the episode ends'),
  note: note.optional(),
  /** The last day of support; today when left out. */
  endedOn: isoDate('the end date').optional(),
  /** Needed here unless one was written earlier (or the support had not begun, or the person died). */
  exitPlan: exitPlan.optional(),
});
export const episodeLengthSchema = z.strictObject({ kind: z.literal('change_length'), plannedWeeks });
export const episodeExitPlanSchema = z.strictObject({ kind: z.literal('write_exit_plan'), exitPlan });

const CHANGE_VARIANTS = [
  episodeStartSchema,
  episodePauseSchema,
  episodeResumeSchema,
  episodeEndSchema,
  episodeLengthSchema,
  episodeExitPlanSchema,
] as const;
const WHICH_CHANGE = 'Choose start, pause, resume, end, change_length or write_exit_plan';

export const episodeChangeSchema = z.discriminatedUnion('kind', CHANGE_VARIANTS, WHICH_CHANGE);
export type EpisodeChange = z.infer<typeof episodeChangeSchema>;
export type EpisodeChangeKind = EpisodeChange['kind'];

/** The body of a change over HTTP: the change and the version read, so two edits do not cross. */
export const episodeChangeRequestSchema = z.discriminatedUnion(
  'kind',
  [
    episodeStartSchema.extend({ version }),
    episodePauseSchema.extend({ version }),
    episodeResumeSchema.extend({ version }),
    episodeEndSchema.extend({ version }),
    episodeLengthSchema.extend({ version }),
    episodeExitPlanSchema.extend({ version }),
  ],
  WHICH_CHANGE,
);
export type EpisodeChangeRequest = z.infer<typeof episodeChangeRequestSchema>;

export const EPISODE_CHANGE_KINDS = ['start', 'pause', 'resume', 'end', 'change_length', 'write_exit_plan'] as const satisfies readonly EpisodeChangeKind[];

/** The statuses each change may be made from; every other pairing is refused (409). */
export const EPISODE_CHANGES_FROM: Readonly<Record<EpisodeChangeKind, readonly EpisodeStatus[]>> = {
  start: ['waiting'],
  pause: ['active'],
  resume: ['paused'],
  end: ['waiting', 'active', 'paused'],
  change_length: ['waiting', 'active', 'paused'],
  write_exit_plan: ['active', 'paused'],
};

/** The verb on the button that makes each change. */
export const EPISODE_CHANGE_LABELS: Readonly<Record<EpisodeChangeKind, string>> = {
  start: 'Start support',
  pause: 'Pause',
  resume: 'Resume',
  end: 'End support',
  change_length: 'Change planned length',
  write_exit_plan: 'Write exit plan',
};
