import type { MeetingActionView, MeetingNoteView } from '@kith/core';
import { Link } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../format';
import { dueText, priorityText, stateText } from '../tasks/labels';
import { NOTE_KIND_LABELS } from './labels';

/** Notes, decisions and addenda in the order written, each with who wrote it and when. */
export function NotesList({ notes, empty }: { notes: MeetingNoteView[]; empty: string }) {
  if (notes.length === 0) return <p>{empty}</p>;
  return (
    <ul className="nhsuk-list kith-notes">
      {notes.map((note) => (
        <li key={note.id} className={`kith-note kith-note--${note.kind}`}>
          <p className="nhsuk-u-margin-bottom-1">
            <strong>{NOTE_KIND_LABELS[note.kind]}</strong>
            <span className="nhsuk-u-secondary-text-colour">
              {' '}
              {note.kind === 'addendum' ? 'signed by' : 'by'} {note.writtenBy.name}, {formatDateTime(note.writtenAt)}
            </span>
          </p>
          <p className="kith-note__text">{note.text}</p>
        </li>
      ))}
    </ul>
  );
}

const ACTION_COLUMNS = ['Action', 'Owner', 'Due', 'Priority', 'State'] as const;

/** The actions agreed, each the task it became. */
export function ActionsTable({ caption, actions }: { caption: string; actions: MeetingActionView[] }) {
  return (
    <ResponsiveTable caption={caption} columns={ACTION_COLUMNS}>
      {actions.map((action) => (
        <TableRow key={action.taskId}>
          <TableCell column="Action">
            <Link to={`/tasks/${encodeURIComponent(action.taskId)}`}>{action.title}</Link>
          </TableCell>
          <TableCell column="Owner">{action.owner.name}</TableCell>
          <TableCell column="Due">{dueText({ ...action, overdue: false })}</TableCell>
          <TableCell column="Priority">{priorityText(action)}</TableCell>
          <TableCell column="State">{stateText(action)}</TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
