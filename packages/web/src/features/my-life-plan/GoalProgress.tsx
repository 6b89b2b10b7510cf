import { GOAL_STATUS_LABELS, GOAL_STATUSES } from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Textarea } from '../../components/Textarea';
import type { Feedback } from '../../components/useFeedback';
import { formatDate, todayIso } from '../../format';
import { useRecordProgress } from './api';
import { recorderInWords } from './plan-words';
import { CHART, progressChart, progressInWords } from './progress-chart';
import type { GoalProgressView } from './types';

/** A small step chart of the goal's statuses over time; its text alternative says the same in a sentence. */
export function ProgressChart({ series }: { series: GoalProgressView }) {
  const chart = progressChart(series, new Date().toISOString());
  return (
    <svg className="kith-plan__chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={`Progress over time: ${progressInWords(series)}`}>
      {chart.rows.map((row) => (
        <g key={row.status}>
          <line x1={CHART.left} x2={CHART.width - CHART.right} y1={row.y} y2={row.y} className="kith-plan__chart-rule" />
          <text x={CHART.left - 8} y={row.y + 4} textAnchor="end" className="kith-plan__chart-label">
            {row.label}
          </text>
        </g>
      ))}
      <path d={chart.line} className="kith-plan__chart-line" />
      {chart.points.map((point, i) => (
        <circle key={i} cx={point.x} cy={point.y} r={4} className="kith-plan__chart-point" />
      ))}
    </svg>
  );
}

/** Every status recorded for the goal, oldest first, with its note and who recorded it. */
export function ProgressTable({ series }: { series: GoalProgressView }) {
  if (series.points.length === 0) return <p className="nhsuk-body-s">No progress recorded yet.</p>;
  const columns = ['Date', 'Status', 'Note', 'Recorded by'] as const;
  return (
    <ResponsiveTable caption="Progress recorded on this goal, oldest first" columns={columns}>
      {series.points.map((point, i) => (
        <TableRow key={i}>
          <TableCell column="Date">{formatDate(todayIso(new Date(point.at)))}</TableCell>
          <TableCell column="Status">{GOAL_STATUS_LABELS[point.status]}</TableCell>
          <TableCell column="Note">{point.note ?? ''}</TableCell>
          <TableCell column="Recorded by">{recorderInWords(point.recordedBy)}</TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}

const STATUS_OPTIONS = GOAL_STATUSES.map((status) => ({
  value: status,
  text: GOAL_STATUS_LABELS[status],
  ...(status === 'changed' ? { hint: 'The goal no longer fits. It stays in the plan, marked changed; write a new goal beside it.' } : {}),
}));

interface ProgressFormProps extends Feedback {
  personId: string;
  series: GoalProgressView;
  /** The goal's place in the plan, from 1, for the form's ids. */
  number: number;
  errors: FormError[];
}

/** Records where a goal has got to; progress is kept beside the plan, so it needs no new version. */
export function ProgressForm({ personId, series, number, errors, succeeded, failed }: ProgressFormProps) {
  const record = useRecordProgress(personId, series.goalId);
  const ids = { status: `progress-goal-${number}-status`, note: `progress-goal-${number}-note` };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const status = String(data.get(ids.status) ?? '');
    const note = String(data.get(ids.note) ?? '').trim();
    if (!status) return failed([{ fieldId: ids.status, message: 'Choose how the goal is going' }]);
    record.mutate(
      { status: status as GoalProgressView['current'], ...(note ? { note } : {}) },
      {
        onSuccess: (saved) => {
          form.reset();
          succeeded(`Progress recorded: the goal “${saved.goal.inMyWords}” is now ${GOAL_STATUS_LABELS[saved.current].toLowerCase()}`);
        },
        onError: (error) => failed(formErrors(error, { status: ids.status, note: ids.note, goalId: ids.status })),
      },
    );
  };
  return (
    <details className="nhsuk-details kith-no-print">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Record progress on this goal</span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={onSubmit} noValidate>
          <Radios id={ids.status} legend="How is the goal going now?" options={STATUS_OPTIONS} defaultValue={series.current} error={errorFor(errors, ids.status)} />
          <Textarea id={ids.note} label="Note (optional)" hint="For example, what helped or what got in the way" rows={2} maxLength={1000} error={errorFor(errors, ids.note)} />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={record.isPending}>
            Record progress<span className="nhsuk-u-visually-hidden"> on goal {number}</span>
          </button>
        </form>
      </div>
    </details>
  );
}
