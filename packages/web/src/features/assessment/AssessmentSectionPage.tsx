import { ASSESSMENT_SECTIONS, type AssessmentQuestion, type AssessmentView } from '@kith/core';
import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formErrors } from '../../api/form-errors';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Loading } from '../../components/ServiceProblem';
import { TextInput } from '../../components/TextInput';
import { Textarea } from '../../components/Textarea';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { fullName } from '../people/labels';
import { usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { answersFromForm, fieldId } from './answers';
import { useAssessment, useSaveSection } from './api';

/** One section of the assessment as a form, saved as a new version based on the one opened. */
export function AssessmentSectionPage() {
  const id = usePersonId();
  const sectionId = useParams().section ?? '';
  const { person } = usePersonOutlet();
  const section = ASSESSMENT_SECTIONS.find((s) => s.id === sectionId);
  const assessment = useAssessment(id);
  const { errors, failed } = useFeedback();
  usePageTitle(`${section?.title ?? 'Assessment'} – ${fullName(person)}`, errors.length > 0);
  if (!section) return <p>There is no such section of the assessment.</p>;
  return (
    <section aria-labelledby="assessment-section-heading">
      <BackLink to={`/people/${encodeURIComponent(id)}/assessment`}>Back to the assessment</BackLink>
      <ErrorSummary errors={errors} />
      <h2 id="assessment-section-heading">{section.title}</h2>
      {assessment.isPending && <Loading what="assessment" />}
      {assessment.isError && <SectionProblem error={assessment.error} />}
      {assessment.data && (
        <SectionForm key={assessment.data.version} personId={id} sectionId={section.id} view={assessment.data} errors={errors} failed={failed} />
      )}
    </section>
  );
}

interface SectionFormProps {
  personId: string;
  sectionId: string;
  view: AssessmentView;
  errors: FormError[];
  failed: (errors: FormError[]) => void;
}

function SectionForm({ personId, sectionId, view, errors, failed }: SectionFormProps) {
  const section = ASSESSMENT_SECTIONS.find((s) => s.id === sectionId)!;
  const previous = view.content[sectionId] ?? {};
  const save = useSaveSection(personId, sectionId);
  const navigate = useNavigate();
  const fieldIds = Object.fromEntries(section.questions.map((q) => [`answers.${q.id}`, fieldId(q.id)]));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const answers = answersFromForm(new FormData(event.currentTarget), section.questions, previous);
    save.mutate(
      { basedOnVersion: view.version, answers },
      {
        onSuccess: () => navigate(`/people/${encodeURIComponent(personId)}/assessment`, { state: { saved: `${section.title} saved` } }),
        onError: (error) => failed(formErrors(error, fieldIds)),
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      {section.questions.map((q) => (
        <QuestionField key={q.id} question={q} value={previous[q.id]?.value} error={errorFor(errors, fieldId(q.id))} />
      ))}
      <button className="nhsuk-button" type="submit" disabled={save.isPending}>
        Save {section.title.toLowerCase()}
      </button>
    </form>
  );
}

function QuestionField({ question, value, error }: { question: AssessmentQuestion; value: unknown; error?: string }) {
  const id = fieldId(question.id);
  const kind = question.kind;
  if (kind.type === 'choice') {
    return <Radios id={id} legend={question.label} hint={question.hint} error={error} options={kind.options.map((o) => ({ value: o.value, text: o.label }))} defaultValue={value as string | undefined} />;
  }
  if (kind.type === 'yes_no') {
    const options = [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }];
    return <Radios id={id} legend={question.label} error={error} options={options} inline defaultValue={value === undefined ? undefined : value ? 'yes' : 'no'} />;
  }
  if (kind.type === 'number') {
    return <TextInput id={id} label={question.label} hint={`In ${kind.unit}, from ${kind.min} to ${kind.max}`} error={error} inputMode="numeric" width={3} defaultValue={value === undefined ? '' : String(value)} />;
  }
  return <Textarea id={id} label={question.label} hint={question.hint} error={error} rows={3} defaultValue={typeof value === 'string' ? value : ''} />;
}
