import { ASSESSMENT_SECTIONS, INSTRUMENT_CODES, INSTRUMENTS, type AssessmentView } from '@kith/core';
import { Link, useLocation } from 'react-router';
import { SuccessBanner } from '../../components/NotificationBanner';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../format';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { answerInWords } from './answers';
import { useAssessment } from './api';
import { instrumentPath } from './instrument-answers';
import { useInstrumentResults } from './instrument-api';
import { latestResults, resultInWords } from './instrument-words';

/** The one trusted assessment: what the record already holds, then each section with who recorded each answer. */
export function AssessmentPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const assessment = useAssessment(id);
  const notice = savedNotice(useLocation().state);
  usePageTitle(sectionTitle('assessment', fullName(person)));
  return (
    <section aria-labelledby="assessment-heading">
      {notice && <SuccessBanner message={notice} />}
      <h2 id="assessment-heading">Assessment</h2>
      {assessment.isPending && <Loading what="assessment" />}
      {assessment.isError && <SectionProblem error={assessment.error} />}
      {assessment.data && <AssessmentBody view={assessment.data} />}
      <StandardMeasures personId={id} />
    </section>
  );
}

/** Each standard instrument, linked to its form, with the newest result recorded for the person. */
function StandardMeasures({ personId }: { personId: string }) {
  const results = useInstrumentResults(personId);
  const latest = latestResults(results.data ?? []);
  const columns = ['Measure', 'Latest result', 'Recorded'] as const;
  return (
    <section aria-labelledby="standard-measures-heading">
      <h3 id="standard-measures-heading">Standard measures</h3>
      {results.isError && <SectionProblem error={results.error} />}
      <ResponsiveTable caption="Standard measures and the latest result of each" columns={columns}>
        {INSTRUMENT_CODES.map((code) => {
          const result = latest.get(code);
          return (
            <TableRow key={code}>
              <TableCell column="Measure">
                <Link to={instrumentPath(personId, code)}>{INSTRUMENTS[code].title}</Link>
              </TableCell>
              <TableCell column="Latest result">{result ? resultInWords(result.result) : results.isPending ? 'Loading…' : 'Not recorded'}</TableCell>
              <TableCell column="Recorded">{result ? `${formatDate(result.recordedAt.slice(0, 10))} by ${result.recordedByName}` : ''}</TableCell>
            </TableRow>
          );
        })}
      </ResponsiveTable>
    </section>
  );
}

function savedNotice(state: unknown): string | undefined {
  return state && typeof state === 'object' && 'saved' in state && typeof state.saved === 'string' ? state.saved : undefined;
}

function AssessmentBody({ view }: { view: AssessmentView }) {
  return (
    <>
      <p>
        {view.lastSaved
          ? `One assessment, shared by everyone caring for this person. Version ${view.version}, last saved by ${view.lastSaved.by}${view.lastSaved.organisationName ? ` (${view.lastSaved.organisationName})` : ''} on ${formatDateTime(view.lastSaved.at)}.`
          : 'One assessment, shared by everyone caring for this person. Nothing has been recorded yet.'}
      </p>
      <HeldFacts held={view.held} />
      {ASSESSMENT_SECTIONS.map((section) => (
        <SectionAnswers key={section.id} sectionId={section.id} view={view} />
      ))}
    </>
  );
}

function HeldFacts({ held }: { held: AssessmentView['held'] }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h3>Already in the record (not asked again)</h3>
      <SummaryList
        rows={[
          { key: 'Long-term conditions', value: held.conditions.map((c) => c.display ?? c.code).join(', ') || 'None recorded' },
          { key: 'Current medicines', value: held.medicines.length ? <Medicines medicines={held.medicines} /> : 'None recorded' },
          { key: 'Hospital stays in the last 12 months', value: String(held.hospitalStays.length) },
          { key: 'Family, carers and contacts', value: held.contacts.map((c) => `${c.name} (${c.relationship})`).join(', ') || 'None recorded' },
        ]}
      />
    </div>
  );
}

function Medicines({ medicines }: { medicines: AssessmentView['held']['medicines'] }) {
  return (
    <ul className="nhsuk-list">
      {medicines.map((m, i) => (
        <li key={`${m.code}-${i}`}>
          {m.display ?? m.code}
          {m.dosage && <span className="nhsuk-u-secondary-text-colour">: {m.dosage}</span>}
        </li>
      ))}
    </ul>
  );
}

function SectionAnswers({ sectionId, view }: { sectionId: string; view: AssessmentView }) {
  const section = ASSESSMENT_SECTIONS.find((s) => s.id === sectionId)!;
  const answers = view.content[sectionId] ?? {};
  const progress = view.progress.find((p) => p.section === sectionId);
  const answered = section.questions.filter((q) => answers[q.id]);
  const headingId = `assessment-${sectionId.replace(/_/g, '-')}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{section.title}</h3>
      <p className="nhsuk-body-s">
        {progress?.answered ?? 0} of {progress?.of ?? section.questions.length} questions answered
      </p>
      {answered.length > 0 && (
        <SummaryList
          rows={answered.map((q) => {
            const a = answers[q.id]!;
            return {
              key: q.label,
              value: (
                <>
                  {answerInWords(q, a.value)}
                  <br />
                  <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                    Recorded by {a.recordedBy.name}
                    {a.recordedBy.organisationName ? `, ${a.recordedBy.organisationName}` : ''} on {formatDate(a.recordedAt.slice(0, 10))}
                  </span>
                </>
              ),
            };
          })}
        />
      )}
      <p>
        <Link to={sectionId}>
          {answered.length > 0 ? 'Change answers' : 'Complete this section'}
          <span className="nhsuk-u-visually-hidden">: {section.title}</span>
        </Link>
      </p>
    </section>
  );
}
