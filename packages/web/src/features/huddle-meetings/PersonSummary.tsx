import type { MeetingPersonSummary } from '@kith/core';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../format';
import { dueText } from '../tasks/labels';
import { HOSPITAL_CLASS_LABELS, referralStateText } from './labels';

/**
 * What the room needs to know about the person at a glance: who coordinates their care and how
 * to reach them, their conditions, recent hospital contacts, and the referrals and tasks open.
 */
export function PersonSummary({ name, summary }: { name: string; summary: MeetingPersonSummary }) {
  const coordinator = summary.namedCoordinator;
  return (
    <div className="kith-person-summary">
      {summary.planHeadline && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>What matters to {name}: {summary.planHeadline}</p>
        </div>
      )}
      <h4>Named coordinator</h4>
      {coordinator ? (
        <p>
          {coordinator.name}, {coordinator.organisationName}
          {coordinator.phone && (
            <>
              <br />
              Phone: <a href={`tel:${coordinator.phone.replace(/\s+/g, '')}`}>{coordinator.phone}</a>
            </>
          )}
          {coordinator.email && (
            <>
              <br />
              Email: <a href={`mailto:${coordinator.email}`}>{coordinator.email}</a>
            </>
          )}
        </p>
      ) : (
        <p>No named coordinator.</p>
      )}
      <h4>Conditions</h4>
      {summary.conditions.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {summary.conditions.map((condition) => (
            <li key={condition.code}>
              {condition.display ?? `SNOMED CT ${condition.code}`}
              {condition.onsetDate && <span className="nhsuk-u-secondary-text-colour"> (since {formatDate(condition.onsetDate)})</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>No long-term conditions recorded.</p>
      )}
      <h4>Hospital in the last 90 days</h4>
      {summary.recentHospitalEvents.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {summary.recentHospitalEvents.map((event, index) => (
            <li key={`${event.startDate}-${index}`}>
              {HOSPITAL_CLASS_LABELS[event.class] ?? event.class}
              {event.emergency && event.class !== 'emergency' ? ' (emergency)' : ''}: {formatDate(event.startDate)}
              {event.endDate && event.endDate !== event.startDate ? ` to ${formatDate(event.endDate)}` : ''}
              {!event.endDate && event.class === 'inpatient' ? ', still in hospital' : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>No hospital contacts in the last 90 days.</p>
      )}
      <h4>Open referrals</h4>
      {summary.openReferrals.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {summary.openReferrals.map((referral) => (
            <li key={referral.referralId}>
              <Link to={`/referrals/${encodeURIComponent(referral.referralId)}`}>
                {referral.networkName}: {referralStateText(referral.status).toLowerCase()}
              </Link>
              , received {formatDateTime(referral.receivedAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p>No open referrals.</p>
      )}
      <h4>Open tasks</h4>
      {summary.openTasks.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {summary.openTasks.map((task) => (
            <li key={task.id}>
              <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.title}</Link>: {task.owner.name},{' '}
              {task.overdue ? <strong>{dueText({ ...task, overdue: true })}</strong> : `due ${dueText(task)}`}
            </li>
          ))}
        </ul>
      ) : (
        <p>No open tasks.</p>
      )}
    </div>
  );
}
