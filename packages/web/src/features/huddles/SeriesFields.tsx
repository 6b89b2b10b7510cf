import { HUDDLE_DURATION_MINUTES, type HuddleSeriesView } from '@kith/core';
import { DateInput } from '../../components/DateInput';
import { ErrorMessage, errorFor } from '../../components/ErrorSummary';
import { classes } from '../../components/classes';
import { Radios, type RadioOption } from '../../components/Radios';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { partsOfDate } from '../people/search-criteria';
import type { StaffChoice } from '../tasks/OwnerField';
import { FREQUENCY_OPTIONS, WEEKDAY_OPTIONS } from './labels';
import { memberCheckboxId, scopeValue, type SeriesFieldIds, type SeriesFormError } from './series-form';

/** What a series form starts with: nothing for a new huddle, the series as read for a change. */
export type SeriesDefaults = Partial<Pick<HuddleSeriesView, 'name' | 'weekday' | 'startTime' | 'durationMinutes' | 'place' | 'frequency' | 'firstMeetingOn'>> & {
  scope?: string;
  chairStaffId?: string;
  standingMemberStaffIds?: string[];
};

export function defaultsOf(series: HuddleSeriesView): SeriesDefaults {
  return {
    ...series,
    scope: scopeValue(series.scope === 'practice' ? { kind: 'practice', practiceId: series.practiceId ?? '' } : { kind: 'network', networkId: series.networkId }),
    chairStaffId: series.chair.staffId,
    standingMemberStaffIds: series.standingMembers.map((member) => member.staffId),
  };
}

interface SeriesFieldsProps {
  ids: SeriesFieldIds;
  errors: SeriesFormError[];
  defaults: SeriesDefaults;
  scopes: RadioOption[];
  staff: StaffChoice[];
}

/** The questions of a huddle series, for setting one up and for changing one. */
export function SeriesFields({ ids, errors, defaults, scopes, staff }: SeriesFieldsProps) {
  const firstError = errors.find((error) => error.fieldId?.startsWith(`${ids.firstDay}-`));
  const people = (note: (choice: StaffChoice) => string | undefined) =>
    staff.map((choice) => ({ value: choice.staffId, text: note(choice) ? `${choice.name} (${note(choice)})` : choice.name }));
  return (
    <>
      <TextInput id={ids.name} label="Name of the huddle" hint="For example, Tollgate Surgery huddle" maxLength={120} autoComplete="off" defaultValue={defaults.name} error={errorFor(errors, ids.name)} />
      <Radios id={ids.scope} legend="Whose huddle is it?" hint="A practice's huddle discusses that practice's patients; a network's huddle, the whole network's" options={scopes} defaultValue={defaults.scope} error={errorFor(errors, ids.scope)} />
      <Select id={ids.weekday} label="Day of the week" options={[{ value: '', text: 'Choose a day' }, ...WEEKDAY_OPTIONS]} defaultValue={defaults.weekday ?? ''} error={errorFor(errors, ids.weekday)} />
      <TextInput id={ids.start} label="Start time" hint="On the 24-hour clock, UK time, for example 12:30" width={5} autoComplete="off" spellCheck={false} defaultValue={defaults.startTime} error={errorFor(errors, ids.start)} />
      <TextInput
        id={ids.duration}
        label="How long is it, in minutes?"
        hint={`From ${HUDDLE_DURATION_MINUTES.min} to ${HUDDLE_DURATION_MINUTES.max} minutes`}
        width={3}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={String(defaults.durationMinutes ?? HUDDLE_DURATION_MINUTES.default)}
        error={errorFor(errors, ids.duration)}
      />
      <TextInput id={ids.place} label="Where does it meet?" hint="For example, Tollgate Surgery, meeting room 2" maxLength={200} autoComplete="off" defaultValue={defaults.place} error={errorFor(errors, ids.place)} />
      <Radios id={ids.frequency} legend="How often does it meet?" options={FREQUENCY_OPTIONS} defaultValue={defaults.frequency ?? 'weekly'} inline error={errorFor(errors, ids.frequency)} />
      <DateInput
        id={ids.firstDay}
        legend="Date of the first meeting"
        hint="On the day of the week chosen above. Fortnightly meetings fall every two weeks from it. For example, 2 6 2026"
        defaultValue={partsOfDate(defaults.firstMeetingOn)}
        error={firstError?.message}
        errorParts={firstError?.dateParts}
      />
      <Select
        id={ids.chair}
        label="Chair"
        hint="A member of the huddle's network. Find others by name above."
        options={people((choice) => choice.note)}
        defaultValue={defaults.chairStaffId}
        error={errorFor(errors, ids.chair)}
      />
      <MemberCheckboxes ids={ids} errors={errors} staff={staff} chosen={defaults.standingMemberStaffIds ?? []} />
    </>
  );
}

/** The standing members: one checkbox for each member of staff the user can choose from. */
function MemberCheckboxes({ ids, errors, staff, chosen }: { ids: SeriesFieldIds; errors: SeriesFormError[]; staff: StaffChoice[]; chosen: string[] }) {
  const error = errorFor(errors, ids.members);
  const hintId = `${ids.members}-hint`;
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? `${hintId} ${ids.members}-error` : hintId}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Standing members (optional)</legend>
        <div className="nhsuk-hint" id={hintId}>
          The members of the network expected at every meeting. The chair is a member without being chosen here.
        </div>
        {error && <ErrorMessage id={`${ids.members}-error`}>{error}</ErrorMessage>}
        <div className="nhsuk-checkboxes" id={ids.members}>
          {staff.map((choice) => {
            const id = memberCheckboxId(ids, choice.staffId);
            const itemError = errorFor(errors, id);
            return (
              <div className="nhsuk-checkboxes__item" key={choice.staffId}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={id}
                  name={ids.members}
                  type="checkbox"
                  value={choice.staffId}
                  defaultChecked={chosen.includes(choice.staffId)}
                  aria-describedby={itemError ? `${id}-error` : undefined}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                  {choice.note ? `${choice.name} (${choice.note})` : choice.name}
                </label>
                {itemError && <ErrorMessage id={`${id}-error`}>{itemError}</ErrorMessage>}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
