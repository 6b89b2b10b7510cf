import { Link } from 'react-router';
import { PlanStatus } from '../my-life-plan/PlanPage';
import { planPath } from '../my-life-plan/api';
import type { PlanView } from '../my-life-plan/types';
import { TimelineEntries } from '../timeline/TimelinePage';
import type { TimelinePage } from '@kith/core';
import { usePersonOutlet } from './record';
import { Contacts, GpPractice, PersonalDetails } from './PersonSections';
import type { PersonRecord } from './types';

/** The latest entries the record's front page shows; the timeline page has the rest. */
const LATEST = 5;

/**
 * The first page of a record: who the person is, their practice and contacts, their My Life
 * plan at a glance and the latest on their timeline, all from the record as it opened.
 */
export function PersonDetailsPage() {
  const { person, opening } = usePersonOutlet();
  return (
    <>
      <PersonalDetails person={person} />
      <GpPractice practice={person.practice} />
      <Contacts contacts={person.contacts} />
      {opening?.plan && <PlanAtAGlance person={person} plan={opening.plan} />}
      {opening?.timeline && <LatestOnTimeline person={person} page={opening.timeline} />}
    </>
  );
}

function PlanAtAGlance({ person, plan }: { person: PersonRecord; plan: PlanView }) {
  return (
    <section aria-labelledby="glance-plan-heading">
      <h2 id="glance-plan-heading">My Life plan</h2>
      {plan.version === 0 ? (
        <p>No plan yet.</p>
      ) : (
        <>
          <PlanStatus view={plan} />
          {plan.content.goals.length > 0 && (
            <>
              <h3>{person.givenName}&rsquo;s goals</h3>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {plan.content.goals.map((goal) => (
                  <li key={goal.id}>{goal.inMyWords.text}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <p>
        <Link to={planPath(person.id)}>Open the My Life plan</Link>
      </p>
    </section>
  );
}

function LatestOnTimeline({ person, page }: { person: PersonRecord; page: TimelinePage }) {
  return (
    <section aria-labelledby="glance-timeline-heading">
      <h2 id="glance-timeline-heading">Latest on the timeline</h2>
      {page.entries.length > 0 ? <TimelineEntries entries={page.entries.slice(0, LATEST)} /> : <p>Nothing on the timeline yet.</p>}
      <p>
        <Link to={`/people/${encodeURIComponent(person.id)}/timeline`}>See the whole timeline</Link>
      </p>
    </section>
  );
}
