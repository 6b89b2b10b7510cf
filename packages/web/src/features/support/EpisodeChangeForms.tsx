import {
  EPISODE_END_REASON_LABELS,
  EPISODE_END_REASONS,
  EPISODE_PAUSE_REASON_LABELS,
  EPISODE_PAUSE_REASONS,
  type EpisodeChangeKind,
  type EpisodeChangeRequest,
} from '@kith/core';
import type { FormEvent, ReactNode } from 'react';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import { todayIso } from '../../format';
import { dateErrorOf } from '../tasks/due-date';
import { useChangeEpisode } from './api';
import { changeFieldIds, changeIds, readChange, type ChangeIds } from './episode-forms';
import { useEpisodeProblems } from './episode-problems';
import { EPISODE_ID_PREFIX } from './episode-words';
import type { EpisodeView } from './types';

/** The heading and button of each change. */
const ACTION: Readonly<Record<EpisodeChangeKind, string>> = {
  start: 'Start support',
  pause: 'Pause support',
  resume: 'Resume support',
  end: 'End support',
  change_length: 'Change planned length',
  write_exit_plan: 'Save exit plan',
};

const DONE: Readonly<Record<EpisodeChangeKind, (episode: EpisodeView) => string>> = {
  start: () => 'Support has started.',
  pause: () => 'Support is paused.',
  resume: () => 'Support has resumed.',
  end: () => 'Support has ended.',
  change_length: (episode) => `The planned length is now ${episode.plannedWeeks} weeks.`,
  write_exit_plan: () => 'The exit plan is saved.',
};

const PAUSE_OPTIONS = EPISODE_PAUSE_REASONS.map((value) => ({ value, text: EPISODE_PAUSE_REASON_LABELS[value] }));
const END_OPTIONS = EPISODE_END_REASONS.map((value) => ({ value, text: EPISODE_END_REASON_LABELS[value] }));

interface ChangeFormsProps extends Feedback {
  personId: string;
  episode: EpisodeView;
  errors: FormError[];
}

/** One form for each change the episode allows next, each sent at the version shown. */
export function EpisodeChangeForms({ personId, episode, errors, succeeded, failed }: ChangeFormsProps) {
  const change = useChangeEpisode(personId, episode.id);
  const problemsOf = useEpisodeProblems(personId);
  const prefix = EPISODE_ID_PREFIX[episode.type];
  const ids = changeIds(prefix);

  function submit(kind: EpisodeChangeKind, event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const read = readChange(kind, new FormData(event.currentTarget), ids, episode, todayIso());
    if (!read.value) return failed(read.problems);
    const request = { ...read.value, version: episode.version } as EpisodeChangeRequest;
    change.mutate(request, {
      onSuccess: (updated) => succeeded(DONE[kind](updated)),
      onError: (error) => failed(problemsOf(error, changeFieldIds(kind, ids))),
    });
  }

  const form = (kind: EpisodeChangeKind, fields: ReactNode, primary = false) => (
    <ChangeForm
      key={kind}
      id={`${prefix}-${kind.replace(/_/g, '-')}`}
      heading={kind === 'write_exit_plan' ? (episode.exitPlan ? 'Change the exit plan' : 'Write the exit plan') : ACTION[kind]}
      action={ACTION[kind]}
      primary={primary}
      onSubmit={(event) => submit(kind, event)}
    >
      {fields}
    </ChangeForm>
  );
  const allowed = (kind: EpisodeChangeKind) => episode.nextChanges.includes(kind);
  return (
    <>
      {allowed('start') && form('start', <StartFields ids={ids} errors={errors} />, true)}
      {allowed('resume') && form('resume', <p>Support carries on from the week it was paused in.</p>, true)}
      {allowed('pause') && form('pause', <PauseFields ids={ids} errors={errors} />)}
      {allowed('write_exit_plan') &&
        form('write_exit_plan', <Textarea id={ids.exitPlan} label="Exit plan" hint="What happens for the person after this support" rows={4} defaultValue={episode.exitPlan ?? ''} error={errorFor(errors, ids.exitPlan)} />)}
      {allowed('change_length') &&
        form('change_length', <TextInput id={ids.weeks} label="Planned length in weeks" hint="From 1 to 52" inputMode="numeric" width={3} defaultValue={String(episode.plannedWeeks)} error={errorFor(errors, ids.weeks)} />)}
      {allowed('end') && form('end', <EndFields ids={ids} episode={episode} errors={errors} />)}
    </>
  );
}

interface ChangeFormProps {
  id: string;
  heading: string;
  action: string;
  primary: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

function ChangeForm({ id, heading, action, primary, onSubmit, children }: ChangeFormProps) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{heading}</h4>
      <form onSubmit={onSubmit} noValidate>
        {children}
        <button className={primary ? 'nhsuk-button' : 'nhsuk-button nhsuk-button--secondary'} type="submit">
          {action}
        </button>
      </form>
    </section>
  );
}

const NO_DATE = { day: '', month: '', year: '' };

function StartFields({ ids, errors }: { ids: ChangeIds; errors: FormError[] }) {
  const error = dateErrorOf(errors, ids.startDate);
  return <DateInput id={ids.startDate} legend="Date support started (optional)" hint="Leave empty for today. For example, 2 6 2026" defaultValue={NO_DATE} error={error?.message} errorParts={error?.dateParts} />;
}

function PauseFields({ ids, errors }: { ids: ChangeIds; errors: FormError[] }) {
  return (
    <>
      <Radios id={ids.pauseReason} legend="Why is support paused?" options={PAUSE_OPTIONS} error={errorFor(errors, ids.pauseReason)} />
      <Textarea id={ids.pauseNote} label="Note (optional)" hint="Needed when the reason is Other. Weeks spent paused do not count towards the planned length." rows={2} error={errorFor(errors, ids.pauseNote)} />
    </>
  );
}

function EndFields({ ids, episode, errors }: { ids: ChangeIds; episode: EpisodeView; errors: FormError[] }) {
  const error = dateErrorOf(errors, ids.endDate);
  return (
    <>
      <Radios id={ids.endReason} legend="Why does support end?" options={END_OPTIONS} error={errorFor(errors, ids.endReason)} />
      <DateInput id={ids.endDate} legend="Last day of support (optional)" hint="Leave empty for today. For example, 2 6 2026" defaultValue={NO_DATE} error={error?.message} errorParts={error?.dateParts} />
      <Textarea
        id={ids.endExitPlan}
        label="Exit plan on ending"
        hint="What happens for the person next: check the plan or write it here. Not needed if support never started or the person died."
        rows={4}
        defaultValue={episode.exitPlan ?? ''}
        error={errorFor(errors, ids.endExitPlan)}
      />
      <Textarea id={ids.endNote} label="Note (optional)" hint="Needed when the reason is Other" rows={2} error={errorFor(errors, ids.endNote)} />
    </>
  );
}
