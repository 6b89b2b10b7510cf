import { TIMELINE_ENTRY_TYPES, TIMELINE_ENTRY_TYPE_LABELS, type TimelineEntry, type TimelineEntryType } from '@kith/core';
import { type FormEvent, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Loading } from '../../components/ServiceProblem';
import { Select } from '../../components/Select';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { useTimeline } from './api';

const isType = (value: string | null): value is TimelineEntryType => (TIMELINE_ENTRY_TYPES as readonly (string | null)[]).includes(value);

/** The shared timeline: everything that has happened in the person's care, newest first, filterable. */
export function TimelinePage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const [params, setParams] = useSearchParams();
  const type = params.get('type');
  const organisationId = params.get('organisation') ?? undefined;
  const timeline = useTimeline(id, { type: isType(type) ? type : undefined, organisationId });
  usePageTitle(sectionTitle('timeline', fullName(person)));
  const entries = useMemo(() => timeline.data?.pages.flatMap((p) => p.entries) ?? [], [timeline.data]);
  const organisations = useOrganisations(entries, organisationId);
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['type', 'organisation']) {
      const value = String(form.get(`timeline-${key}`) ?? '');
      if (value) next.set(key, value);
    }
    setParams(next);
  };
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <form onSubmit={onFilter} className="kith-filter-form" key={params.toString()}>
        <Select
          id="timeline-type"
          label="Show"
          defaultValue={isType(type) ? type : ''}
          options={[{ value: '', text: 'Everything' }, ...TIMELINE_ENTRY_TYPES.map((t) => ({ value: t, text: TIMELINE_ENTRY_TYPE_LABELS[t] }))]}
        />
        <Select id="timeline-organisation" label="From" defaultValue={organisationId ?? ''} options={[{ value: '', text: 'Every organisation' }, ...organisations]} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Filter the timeline
        </button>
      </form>
      {timeline.isPending && <Loading what="timeline" />}
      {timeline.isError && <SectionProblem error={timeline.error} />}
      {timeline.data && (entries.length > 0 ? <TimelineEntries entries={entries} /> : <p>Nothing on the timeline{type || organisationId ? ' matches this filter' : ' yet'}.</p>)}
      {timeline.hasNextPage && (
        <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
          Show older entries
        </button>
      )}
    </section>
  );
}

/** The organisations seen so far, and the one filtered by, so the filter can be cleared or kept. */
function useOrganisations(entries: TimelineEntry[], chosen: string | undefined) {
  const seen = new Map<string, string>();
  for (const e of entries) if (e.organisationId && e.organisationName) seen.set(e.organisationId, e.organisationName);
  if (chosen && !seen.has(chosen)) seen.set(chosen, 'The organisation chosen');
  return [...seen].map(([value, text]) => ({ value, text }));
}

/** Entries, newest first, as the timeline lists them. */
export function TimelineEntries({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="kith-timeline" aria-label="Timeline, newest first">
      {entries.map((entry) => (
        <li key={entry.id} className="kith-timeline__entry">
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
            <strong className="nhsuk-tag nhsuk-tag--grey">{TIMELINE_ENTRY_TYPE_LABELS[entry.type]}</strong>{' '}
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </p>
          <p className="nhsuk-u-margin-bottom-1">
            <strong>{entry.title}</strong>
          </p>
          {entry.detail && <p className="nhsuk-u-margin-bottom-1">{entry.detail}</p>}
          {(entry.by || entry.organisationName) && (
            <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{[entry.by, entry.organisationName].filter(Boolean).join(', ')}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
