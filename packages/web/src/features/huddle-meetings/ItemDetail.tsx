import { SBAR_LABELS, type MeetingHeader, type Sbar } from '@kith/core';
import type { Ref } from 'react';
import { Link } from 'react-router';
import { SummaryList } from '../../components/SummaryList';
import { formatDate, formatNhsNumber } from '../../format';
import type { StaffChoice } from '../tasks/OwnerField';
import { ActionForm } from './ActionForm';
import { AddendumForm } from './AddendumForm';
import type { CaptureProps } from './capture';
import { itemName, reviewText } from './labels';
import { NoteForm } from './NoteForm';
import { ActionsTable, NotesList } from './NotesList';
import { PersonSummary } from './PersonSummary';
import { ReviewForm } from './ReviewForm';

export const ITEM_HEADING_ID = 'item-heading';

interface ItemDetailProps extends Omit<CaptureProps, 'meetingId'> {
  meeting: MeetingHeader;
  position: number;
  count: number;
  headingRef: Ref<HTMLHeadingElement>;
  staff: StaffChoice[];
}

/** The current person on the agenda: who they are, why they are here, what was said and agreed, and the forms to add to it. */
export function ItemDetail({ meeting, item, position, count, headingRef, staff, ...capture }: ItemDetailProps) {
  const heading = (
    <h2 id={ITEM_HEADING_ID} className="kith-focus-target" tabIndex={-1} ref={headingRef}>
      <span className="nhsuk-caption-m">
        Person {position} of {count}
      </span>
      {itemName(item)}
    </h2>
  );
  if (!item.person || !item.personId) {
    return (
      <section aria-labelledby={ITEM_HEADING_ID}>
        {heading}
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{item.withheld ?? 'You cannot see who this is.'}</p>
        </div>
      </section>
    );
  }
  const name = item.person.name;
  const live = meeting.state === 'in_progress';
  const props = { ...capture, meetingId: meeting.id, item };
  return (
    <section aria-labelledby={ITEM_HEADING_ID}>
      {heading}
      <SummaryList
        rows={[
          { key: 'NHS number', value: formatNhsNumber(item.person.nhsNumber) },
          { key: 'Date of birth', value: `${formatDate(item.person.dateOfBirth)} (${item.person.age})` },
          { key: 'Review', value: reviewText(item) },
          ...(item.presenter ? [{ key: 'Presented by', value: item.presenter.name }] : []),
          ...(item.minutes !== null ? [{ key: 'Time set aside', value: `${item.minutes} minutes` }] : []),
          ...(item.carriedCount > 0 ? [{ key: 'Carried over', value: `From ${item.carriedCount === 1 ? '1 earlier meeting' : `${item.carriedCount} earlier meetings`}` }] : []),
          { key: 'Record', value: <Link to={`/people/${encodeURIComponent(item.personId)}`}>Open {name}’s record</Link> },
        ]}
      />
      <h3>Why {name} is on the agenda</h3>
      {item.reasons.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {item.reasons.map((reason, index) => (
            <li key={index}>{reason.text}</li>
          ))}
        </ul>
      ) : (
        <p>No reason recorded.</p>
      )}
      {item.sbar && <SbarSummary sbar={item.sbar} />}
      <h3>About {name}</h3>
      {item.summary ? <PersonSummary name={name} summary={item.summary} /> : <p>Your role does not open {name}’s summary.</p>}
      <h3>Notes and decisions</h3>
      <NotesList notes={item.notes} empty="Nothing recorded yet." />
      <h3>Actions agreed</h3>
      {item.actions.length > 0 ? <ActionsTable caption={`Actions agreed for ${name}`} actions={item.actions} /> : <p>No actions agreed yet.</p>}
      {live && (
        <>
          <NoteForm {...props} />
          <ActionForm {...props} staff={staff} />
          <ReviewForm {...props} staff={staff} />
        </>
      )}
      {meeting.state === 'closed' && <AddendumForm meetingId={meeting.id} itemId={item.id} about={name} errors={capture.errors} failed={capture.failed} done={capture.done} />}
    </section>
  );
}

function SbarSummary({ sbar }: { sbar: Sbar }) {
  return (
    <>
      <h3>SBAR from the member who added them</h3>
      <SummaryList rows={(Object.keys(SBAR_LABELS) as Array<keyof Sbar>).map((part) => ({ key: SBAR_LABELS[part], value: sbar[part] }))} />
    </>
  );
}
