import type { MeetingItemView, MeetingView } from '@kith/core';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { useSession, type Staff } from '../auth/session';
import { SectionProblem } from '../people/SectionProblem';
import { uniqueStaff, type StaffChoice } from '../tasks/OwnerField';
import { AddendumForm } from './AddendumForm';
import { AgendaList } from './AgendaList';
import { minutesPdfUrl, useMeeting } from './api';
import { AttendanceSection } from './Attendance';
import type { CaptureFeedback } from './capture';
import { useCurrentItem, useRoomShortcuts } from './current-item';
import { ItemDetail } from './ItemDetail';
import { meetingStateText, whenText } from './labels';
import { CloseMeeting, StartOrCancel } from './MeetingControls';
import { NotesList } from './NotesList';
import { ShortcutsHelp } from './ShortcutsHelp';

/**
 * A huddle meeting on one screen, for the room: the agenda on the left (above on narrow
 * screens) and the current person beside it, with everything to record as the team talks. The
 * current person is in the URL (?item=), so a reload keeps the place.
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const me = useSession().data?.staff ?? undefined;
  const feedback = useFeedback();
  const notFound = isApiError(meeting.error, 404) || isApiError(meeting.error, 400);
  usePageTitle(meeting.data ? meeting.data.meeting.title : notFound ? 'Huddle meeting not found' : 'Huddle meeting', feedback.errors.length > 0);
  return (
    <>
      {feedback.notice && <SuccessBanner key={feedback.notice.at} message={feedback.notice.message} />}
      <ErrorSummary errors={feedback.errors} />
      {meeting.isPending && <Loading what="the meeting" />}
      {meeting.isError && (
        <>
          <h1>{notFound ? 'Huddle meeting not found' : 'Huddle meeting'}</h1>
          <SectionProblem error={meeting.error} />
        </>
      )}
      {meeting.data && <Meeting view={meeting.data} me={me} feedback={feedback} />}
    </>
  );
}

interface MeetingProps {
  view: MeetingView;
  me: Staff | undefined;
  feedback: ReturnType<typeof useFeedback>;
}

function Meeting({ view, me, feedback }: MeetingProps) {
  const { meeting, items } = view;
  const { errors, failed, succeeded } = feedback;
  const report = { failed, succeeded };
  const live = meeting.state === 'in_progress';
  const current = useCurrentItem(items);
  const { index, item, status, setStatus, headingRef, hrefOf } = current;
  const shortcuts = useRoomShortcuts(current, live);

  const capture: CaptureFeedback = {
    errors,
    failed,
    done: (message: string) => {
      failed([]);
      setStatus(message);
    },
  };
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Huddle meeting, {meetingStateText(meeting).toLowerCase()}</span>
        {meeting.title}
      </h1>
      <MeetingFacts view={view} />
      {meeting.state === 'scheduled' && <StartOrCancel view={view} errors={errors} {...report} />}
      {meeting.state === 'closed' && (
        <p className="kith-button-row">
          <Link className="nhsuk-button nhsuk-button--secondary" to={`/huddles/meetings/${encodeURIComponent(meeting.id)}/minutes`}>
            Printable minutes
          </Link>
          <a className="nhsuk-button nhsuk-button--secondary" href={minutesPdfUrl(meeting.id)}>
            Download the minutes (PDF)
          </a>
        </p>
      )}
      <ShortcutsHelp enabled={shortcuts.enabled} onChange={shortcuts.setEnabled} />
      {items.length === 0 ? (
        <p>There is no one on the agenda of this meeting.</p>
      ) : (
        <div className="kith-meeting">
          <div className="kith-meeting__agenda">
            <AgendaList items={items} currentId={item?.id} hrefOf={hrefOf} />
          </div>
          <div className="kith-meeting__item">
            <p className="kith-capture-status" role="status">
              {status}
            </p>
            {item && <ItemDetail key={item.id} meeting={meeting} item={item} position={index + 1} count={items.length} headingRef={headingRef} staff={roomStaff(view, item, me)} {...capture} />}
          </div>
        </div>
      )}
      <AttendanceSection view={view} me={me} errors={errors} {...report} />
      <MeetingAddenda view={view} capture={capture} />
      {live && <CloseMeeting view={view} errors={errors} {...report} />}
    </>
  );
}

/** When, where, who chairs, the lawful basis, and what the reader is not shown. */
function MeetingFacts({ view }: { view: MeetingView }) {
  const { meeting } = view;
  return (
    <>
      <SummaryList
        rows={[
          { key: 'When', value: whenText(meeting) },
          { key: 'Where', value: meeting.place },
          { key: 'Network', value: meeting.networkName },
          { key: 'Chair', value: meeting.youChair ? `${meeting.chair.name} (you)` : meeting.chair.name },
          { key: 'State', value: meetingStateText(meeting) },
          ...(meeting.openedAt ? [{ key: 'Started', value: `${formatDateTime(meeting.openedAt)}${meeting.openedBy ? ` by ${meeting.openedBy.name}` : ''}` }] : []),
          ...(meeting.closedAt ? [{ key: 'Closed', value: `${formatDateTime(meeting.closedAt)}${meeting.closedBy ? ` by ${meeting.closedBy.name}` : ''}` }] : []),
          ...(meeting.cancelledReason ? [{ key: 'Why it was cancelled', value: meeting.cancelledReason }] : []),
        ]}
      />
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          <strong>Lawful basis:</strong> {view.lawfulBasis}
        </p>
        {meeting.objectionsNotice && <p>{meeting.objectionsNotice}.</p>}
        {view.withheldNotice && <p>{view.withheldNotice}.</p>}
      </div>
    </>
  );
}

function MeetingAddenda({ view, capture }: { view: MeetingView; capture: CaptureFeedback }) {
  if (view.meeting.state !== 'closed' && view.addenda.length === 0) return null;
  return (
    <section aria-labelledby="addenda-heading">
      <h2 id="addenda-heading">Addenda about the meeting</h2>
      <NotesList notes={view.addenda} empty="No addenda about the meeting as a whole." />
      {view.meeting.state === 'closed' && <AddendumForm meetingId={view.meeting.id} about="the meeting" {...capture} />}
    </section>
  );
}

/** Who can own an action or have presented: the user, the chair, who attended, the standing members, and the person's named coordinator. */
function roomStaff(view: MeetingView, item: MeetingItemView, me: Staff | undefined): StaffChoice[] {
  const coordinator = item.summary?.namedCoordinator;
  return uniqueStaff([
    ...(me ? [{ staffId: me.id, name: me.name, note: 'you' }] : []),
    { ...view.meeting.chair, note: 'chair' },
    ...view.attendance.map((attendee) => ({ staffId: attendee.staffId, name: attendee.name, note: attendee.roleLabel })),
    ...view.members
      .filter((member) => member.roles.length > 0)
      .map((member) => ({ staffId: member.staffId, name: member.name, note: member.roles.map((grant) => grant.roleLabel).join(', ') })),
    ...(coordinator ? [{ staffId: coordinator.staffId, name: coordinator.name, note: 'named coordinator' }] : []),
  ]);
}
