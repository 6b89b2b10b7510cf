import { STAFF_ROLE_LABELS, type Attendance as AttendanceInput, type MeetingView, type StaffRole } from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { ErrorMessage, errorFor, type FormError } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import type { Feedback } from '../../components/useFeedback';
import type { Staff } from '../auth/session';
import { useRecordAttendance } from './api';
import { attendanceCandidates } from './attendance-candidates';

interface AttendanceProps extends Feedback {
  view: MeetingView;
  me: Staff | undefined;
  errors: FormError[];
}

const checkboxId = (staffId: string) => `attendee-${staffId}`;
const roleId = (staffId: string) => `attendee-role-${staffId}`;
const FIRST_ID = 'attendance';

/** Who attended, in which role: a list once the meeting is over, a form while it is in progress. */
export function AttendanceSection({ view, me, errors, succeeded, failed }: AttendanceProps) {
  const live = view.meeting.state === 'in_progress';
  return (
    <section aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      {live ? (
        <AttendanceForm view={view} me={me} errors={errors} succeeded={succeeded} failed={failed} />
      ) : view.attendance.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {view.attendance.map((attendee) => (
            <li key={attendee.staffId}>
              {attendee.name}, {attendee.roleLabel}
            </li>
          ))}
        </ul>
      ) : (
        <p>{view.meeting.state === 'scheduled' ? 'Attendance is recorded once the meeting starts.' : 'No attendance was recorded.'}</p>
      )}
    </section>
  );
}

function AttendanceForm({ view, me, errors, succeeded, failed }: AttendanceProps) {
  const record = useRecordAttendance(view.meeting.id);
  const candidates = attendanceCandidates(view, me).filter((candidate) => candidate.roles.length > 0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const data = new FormData(event.currentTarget);
    const attended = new Set(data.getAll('attended').map(String));
    const chosen = candidates.filter((candidate) => attended.has(candidate.staffId));
    const attendees = chosen.map((candidate) => ({ staffId: candidate.staffId, role: String(data.get(roleId(candidate.staffId)) ?? candidate.role) as StaffRole }));
    const fields: Record<string, string> = { attendees: FIRST_ID };
    chosen.forEach((candidate, index) => {
      fields[`attendees.${index}.staffId`] = checkboxId(candidate.staffId);
      fields[`attendees.${index}.role`] = candidate.roles.length > 1 ? roleId(candidate.staffId) : checkboxId(candidate.staffId);
    });
    const input: AttendanceInput = { attendees };
    record.mutate(input, {
      onSuccess: (status) => succeeded(`Attendance is saved: ${status.attendance.length === 1 ? '1 person' : `${status.attendance.length} people`}.`),
      onError: (error) => failed(formErrors(error, fields)),
    });
  }

  const error = errorFor(errors, FIRST_ID);
  return (
    <form onSubmit={submit} noValidate>
      <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <fieldset className="nhsuk-fieldset" aria-describedby={error ? `${FIRST_ID}-hint ${FIRST_ID}-error` : `${FIRST_ID}-hint`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Who attended?</legend>
          <div className="nhsuk-hint" id={`${FIRST_ID}-hint`}>
            Select everyone at the meeting. Someone who holds more than one role is recorded in the role they came in.
          </div>
          {error && <ErrorMessage id={`${FIRST_ID}-error`}>{error}</ErrorMessage>}
          <div className="nhsuk-checkboxes" id={FIRST_ID}>
            {candidates.map((candidate) => (
              <div key={candidate.staffId}>
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={checkboxId(candidate.staffId)}
                    name="attended"
                    type="checkbox"
                    value={candidate.staffId}
                    defaultChecked={candidate.attended}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={checkboxId(candidate.staffId)}>
                    {candidate.roles.length === 1 ? `${candidate.name}, ${STAFF_ROLE_LABELS[candidate.roles[0]!]}` : candidate.name}
                  </label>
                </div>
                {candidate.roles.length > 1 && (
                  <div className="nhsuk-checkboxes__conditional">
                    <Select
                      id={roleId(candidate.staffId)}
                      label={`${candidate.name} attended as`}
                      options={candidate.roles.map((role) => ({ value: role, text: STAFF_ROLE_LABELS[role] }))}
                      defaultValue={candidate.role}
                      error={errorFor(errors, roleId(candidate.staffId))}
                    />
                  </div>
                )}
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Save attendance
      </button>
    </form>
  );
}
