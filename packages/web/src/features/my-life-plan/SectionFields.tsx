import { EMPTY_PART_TEXT, PLAN_PART_TITLES, type PlanSection, type Statement } from '@kith/core';
import { errorFor } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import type { PlanEditing } from './editing';
import { Checkbox } from '../../components/Checkbox';
import { planFieldId } from './plan-draft';
import { mayAddTo, newStatement, statementMode, withStatement, type StatementEntry, type StatementMode } from './plan-form';
import { bylineOf } from './plan-words';
import { Comments, StatementWords } from './StatementView';

/** What each section asks, as a prompt for the conversation with the person. */
const PROMPTS: Readonly<Record<PlanSection, string>> = {
  aboutMe: 'What they want people to know about them: their life, their history, what they enjoy.',
  whatMattersToMe: 'The people, places and things that matter most to them.',
  strengths: 'What they are good at, and what they can do for themselves.',
  supportNetwork: 'Family, friends, neighbours and services who help them, and how.',
  ifThingsGoWrong: 'Everyday arrangements if something goes wrong: who to ring, where the key safe is, what helps them feel calm.',
  healthAndCare: 'Health needs, medicines, and which service to call when. Written by clinical staff.',
  endOfLife: 'Only if they wish to talk about it: their wishes for care at the end of their life.',
  communicationNeeds: 'How they like to be spoken to, and anything that helps them understand, such as large print or a hearing aid.',
};

const OWN_WORDS_HINT = 'Tick if you wrote down what they said, word for word. Once saved, staff cannot change these words, only comment on them.';

/** One section as a list of statements, with "Add another" where this editor may write. */
export function SectionFields({ section, editing }: { section: PlanSection; editing: PlanEditing }) {
  const { form, update, clinicalRole, focus } = editing;
  const entries = form.sections[section];
  const title = PLAN_PART_TITLES[section];
  const addId = planFieldId(section, 'add');
  const hintId = planFieldId(section, 'hint');
  const add = () => {
    update((f) => withStatement(f, section, f.sections[section].length, newStatement()));
    focus(planFieldId(section, entries.length, 'text'));
  };
  const remove = (index: number) => {
    update((f) => withStatement(f, section, index, undefined));
    focus(addId);
  };
  return (
    <fieldset className="nhsuk-fieldset kith-plan-edit__part" aria-describedby={hintId}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h3 className="nhsuk-fieldset__heading">{title}</h3>
      </legend>
      <div className="nhsuk-hint" id={hintId}>
        {PROMPTS[section]}
      </div>
      {!mayAddTo(section, clinicalRole) && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Only staff in a clinical role, such as a GP, nurse or therapist, can write in “{title}”. You can add a comment to what is written here.</p>
        </div>
      )}
      {entries.length === 0 && <p>{EMPTY_PART_TEXT}</p>}
      {entries.map((entry, index) => (
        <StatementField key={entry.key} section={section} index={index} entry={entry} editing={editing} onRemove={() => remove(index)} />
      ))}
      {mayAddTo(section, clinicalRole) && (
        <button id={addId} type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={add}>
          Add another<span className="nhsuk-u-visually-hidden"> statement to “{title}”</span>
        </button>
      )}
    </fieldset>
  );
}

interface StatementFieldProps {
  section: PlanSection;
  index: number;
  entry: StatementEntry;
  editing: PlanEditing;
  onRemove: () => void;
}

function StatementField({ section, index, entry, editing, onRemove }: StatementFieldProps) {
  const { update, errors, clinicalRole } = editing;
  const mode = statementMode(section, entry, clinicalRole);
  const id = (field: string) => planFieldId(section, index, field);
  const patch = (change: Partial<StatementEntry>) => update((f) => withStatement(f, section, index, { ...f.sections[section][index]!, ...change }));
  if (mode !== 'editable' && entry.saved) {
    return <FixedStatement statement={entry.saved} mode={mode} commentId={id('comment')} comment={entry.comment} onComment={(comment) => patch({ comment })} error={errorFor(errors, id('comment'))} />;
  }
  const label = `Statement ${index + 1}`;
  return (
    <div className="kith-plan-edit__statement">
      <Textarea
        id={id('text')}
        label={label}
        hint={entry.saved ? bylineOf(entry.saved) : undefined}
        rows={3}
        maxLength={2000}
        value={entry.text}
        onChange={(event) => patch({ text: event.target.value })}
        error={errorFor(errors, id('text'))}
      />
      {entry.saved && <Comments comments={entry.saved.comments} />}
      {!entry.saved && (
        <Checkbox
          id={id('personsOwnWords')}
          label="These are the person’s own words"
          hint={OWN_WORDS_HINT}
          checked={entry.personsOwnWords}
          onChange={(personsOwnWords) => patch({ personsOwnWords })}
          error={errorFor(errors, id('personsOwnWords'))}
        />
      )}
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onRemove}>
        Remove<span className="nhsuk-u-visually-hidden"> statement {index + 1} from “{PLAN_PART_TITLES[section]}”</span>
      </button>
    </div>
  );
}

const WHY_FIXED: Readonly<Record<Exclude<StatementMode, 'editable'>, string>> = {
  ownWords: 'These are the person’s own words, so staff cannot change them. You can answer them with a comment.',
  clinical: 'Only clinical staff can change this. You can answer it with a comment.',
};

interface FixedStatementProps {
  statement: Statement;
  mode: Exclude<StatementMode, 'editable'>;
  commentId: string;
  comment: string;
  onComment: (comment: string) => void;
  error?: string;
}

/** Words this editor may not change, shown as the plan shows them, with a comment to add instead. */
export function FixedStatement({ statement, mode, commentId, comment, onComment, error }: FixedStatementProps) {
  return (
    <div className="kith-plan-edit__fixed">
      <StatementWords statement={statement} />
      <Comments comments={statement.comments} />
      <Textarea
        id={commentId}
        label="Add a comment (optional)"
        hint={WHY_FIXED[mode]}
        rows={2}
        maxLength={1000}
        value={comment}
        onChange={(event) => onComment(event.target.value)}
        error={error}
      />
    </div>
  );
}
