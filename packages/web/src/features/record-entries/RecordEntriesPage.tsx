import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { useRecordEntries } from './api';
import { EntryList } from './EntryList';
import { WriteEntryForm } from './WriteEntryForm';

export function RecordEntriesPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const entries = useRecordEntries(id);
  const { notice, errors, ...feedback } = useFeedback();
  usePageTitle(sectionTitle('entries', fullName(person)), errors.length > 0);
  return (
    <section aria-labelledby="entries-heading">
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h2 id="entries-heading">Record entries</h2>
      {entries.isPending && <Loading what="record entries" />}
      {entries.isError && <SectionProblem error={entries.error} />}
      {entries.data && (
        <>
          {entries.data.notSharedCount > 0 && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>{notSharedInWords(entries.data.notSharedCount)}</p>
            </div>
          )}
          {entries.data.entries.length > 0 ? (
            <EntryList entries={entries.data.entries} />
          ) : (
            <p>There are no entries you can see yet.</p>
          )}
        </>
      )}
      <WriteEntryForm personId={id} errors={errors} {...feedback} />
    </section>
  );
}

function notSharedInWords(count: number): string {
  return count === 1
    ? '1 entry from another organisation is not shared without the person’s consent.'
    : `${count} entries from other organisations are not shared without the person’s consent.`;
}
