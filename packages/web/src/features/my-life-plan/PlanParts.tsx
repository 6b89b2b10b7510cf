import { EMPTY_PART_TEXT, GOAL_STATUS_LABELS, printablePlan, type Goal, type MyLifePlanContent, type PrintablePlanPart } from '@kith/core';
import type { FormError } from '../../components/ErrorSummary';
import type { Feedback } from '../../components/useFeedback';
import { ProgressChart, ProgressForm, ProgressTable } from './GoalProgress';
import { planFieldId } from './plan-draft';
import { actionInWords } from './plan-words';
import { Comments, StatementItem, StatementWords } from './StatementView';
import type { GoalProgressView } from './types';

interface PlanPartsProps extends Feedback {
  personId: string;
  content: MyLifePlanContent;
  progress: GoalProgressView[];
  errors: FormError[];
}

/** The plan's parts in the order it is read and printed, each under its title in the person's voice. */
export function PlanParts({ content, ...rest }: PlanPartsProps) {
  return (
    <>
      {printablePlan(content).map((part) => (
        <section key={part.part} aria-labelledby={`${planFieldId(part.part)}-heading`} className="kith-plan__part">
          <h3 id={`${planFieldId(part.part)}-heading`}>{part.title}</h3>
          <PartBody part={part} goals={content.goals} {...rest} />
        </section>
      ))}
    </>
  );
}

function PartBody({ part, goals, ...rest }: { part: PrintablePlanPart; goals: Goal[] } & Omit<PlanPartsProps, 'content'>) {
  if (part.part === 'reviewDate') return <p>{part.text}</p>;
  if (part.part === 'goals') {
    if (part.byDomain.length === 0) return <p>No goals written yet.</p>;
    return part.byDomain.map((group) => (
      <div key={group.domain} className="kith-plan__domain">
        <h4>{group.title}</h4>
        <ul className="kith-plan__goals">
          {group.goals.map((goal) => (
            <GoalItem key={goal.id} goal={goal} number={goals.indexOf(goal) + 1} {...rest} />
          ))}
        </ul>
      </div>
    ));
  }
  if (part.statements.length === 0) return <p>{EMPTY_PART_TEXT}</p>;
  return (
    <ul className="kith-plan__statements">
      {part.statements.map((statement) => (
        <StatementItem key={statement.id} statement={statement} />
      ))}
    </ul>
  );
}

interface GoalItemProps extends Omit<PlanPartsProps, 'content'> {
  goal: Goal;
  number: number;
}

/** A goal in the person's words, where it has got to, what will be done and by whom, and its progress over time. */
function GoalItem({ goal, number, progress, personId, errors, ...feedback }: GoalItemProps) {
  const series = progress.find((s) => s.goalId === goal.id);
  return (
    <li className="kith-plan__goal">
      <StatementWords statement={goal.inMyWords} />
      <p>
        Where it has got to: <strong className="nhsuk-tag nhsuk-tag--white">{GOAL_STATUS_LABELS[series?.current ?? 'not_started']}</strong>
      </p>
      <Comments comments={goal.inMyWords.comments} />
      <p className="nhsuk-u-margin-bottom-1">
        <strong>What will be done</strong>
      </p>
      {goal.actions.length === 0 ? (
        <p>No actions agreed yet.</p>
      ) : (
        <ul className="kith-plan__actions">
          {goal.actions.map((action) => (
            <li key={action.id}>
              <span className="kith-plan__text">{action.description}</span>
              <br />
              <span className="nhsuk-body-s">{actionInWords(action)}</span>
            </li>
          ))}
        </ul>
      )}
      {series && (
        <div className="kith-plan__progress">
          <p className="nhsuk-u-margin-bottom-1">
            <strong>Progress over time</strong>
          </p>
          <ProgressChart series={series} />
          <ProgressTable series={series} />
          <ProgressForm personId={personId} series={series} number={number} errors={errors} {...feedback} />
        </div>
      )}
    </li>
  );
}
