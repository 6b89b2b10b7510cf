import { RESTRICTED_CATEGORY_LABELS, STAFF_ROLE_LABELS, type RecordEntryView } from '@kith/core';
import { formatDateTime } from '../../format';

type ContentEntry = Extract<RecordEntryView, { shown: 'content' }>;
type RestrictedMarker = Extract<RecordEntryView, { shown: 'restricted_marker' }>;

/** Newest first, as the API returns them; each entry has a heading to move between them by. */
export function EntryList({ entries }: { entries: RecordEntryView[] }) {
  return (
    <ol className="nhsuk-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          {entry.shown === 'content' ? <Entry entry={entry} /> : <Marker entry={entry} />}
        </li>
      ))}
    </ol>
  );
}

function Entry({ entry }: { entry: ContentEntry }) {
  const { author } = entry;
  return (
    <article className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">{entry.title}</h3>
        <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
          {formatDateTime(entry.writtenAt)}, by {author.name} ({STAFF_ROLE_LABELS[author.role]}, {author.organisationName})
        </p>
        {entry.restrictedCategory && (
          <p>
            <strong className="nhsuk-tag nhsuk-tag--red">Restricted: {RESTRICTED_CATEGORY_LABELS[entry.restrictedCategory]}</strong>
          </p>
        )}
        <Paragraphs text={entry.body} />
      </div>
    </article>
  );
}

/** What a reader not named on a restricted category sees: that it exists, and who can read it. */
function Marker({ entry }: { entry: RestrictedMarker }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        A restricted entry exists ({RESTRICTED_CATEGORY_LABELS[entry.restrictedCategory]}). Only {entry.visibleTo}, and
        whoever wrote it, can see it.
      </p>
      <p className="nhsuk-body-s">Written {formatDateTime(entry.writtenAt)}.</p>
    </div>
  );
}

/** Blank lines start a paragraph and single line breaks are kept, without any inline style. */
function Paragraphs({ text }: { text: string }) {
  return text.split(/\n\s*\n/).map((paragraph, index) => (
    <p key={index}>
      {paragraph.split('\n').map((line, lineIndex) => (
        <span key={lineIndex}>
          {lineIndex > 0 && <br />}
          {line}
        </span>
      ))}
    </p>
  ));
}
