/**
 * The shape of a goal's progress chart: a step line through each status recorded, from the
 * day the goal was written down to today. Statuses are rows labelled in words, so the chart
 * never relies on colour; its text alternative says the same in a sentence.
 */
import { GOAL_STATUS_LABELS, type GoalStatus } from '@kith/core';
import type { GoalProgressView } from './types';
import { dayOf } from './plan-words';

/** Rows from the top: a goal closed as changed above one achieved, not started at the bottom. */
export const CHART_ROWS: readonly GoalStatus[] = ['changed', 'achieved', 'in_progress', 'not_started'];

export const CHART = { width: 320, height: 120, left: 96, right: 12, top: 12, rowGap: 30 } as const;

export interface ChartPoint {
  x: number;
  y: number;
  status: GoalStatus;
  at: string;
}

export interface ProgressChart {
  rows: Array<{ status: GoalStatus; label: string; y: number }>;
  points: ChartPoint[];
  /** The SVG path of the step line, carried on to today. */
  line: string;
}

const rowY = (status: GoalStatus) => CHART.top + CHART_ROWS.indexOf(status) * CHART.rowGap;

export function progressChart(series: Pick<GoalProgressView, 'since' | 'points'>, now: string): ProgressChart {
  const marks = [{ status: 'not_started' as GoalStatus, at: series.since }, ...series.points];
  const start = Date.parse(series.since);
  const end = Math.max(Date.parse(now), ...marks.map((m) => Date.parse(m.at)));
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const xOf = (at: number) => CHART.left + (end > start ? ((at - start) / (end - start)) * plotWidth : 0);
  const points = marks.map((m) => ({ x: round(xOf(Date.parse(m.at))), y: rowY(m.status), status: m.status, at: m.at }));
  const steps = points.slice(1).map((p) => `H ${p.x} V ${p.y}`);
  const line = [`M ${points[0]!.x} ${points[0]!.y}`, ...steps, `H ${round(xOf(end))}`].join(' ');
  return { rows: CHART_ROWS.map((status) => ({ status, label: GOAL_STATUS_LABELS[status], y: rowY(status) })), points, line };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The chart in a sentence: "Not started on 1 March 2026, in progress on 10 March 2026, achieved on 2 April 2026." */
export function progressInWords(series: Pick<GoalProgressView, 'since' | 'points'>): string {
  const marks = [{ status: 'not_started' as GoalStatus, at: series.since }, ...series.points];
  const said = marks.map((m, i) => `${i === 0 ? GOAL_STATUS_LABELS[m.status] : GOAL_STATUS_LABELS[m.status].toLowerCase()} on ${dayOf(m.at)}`);
  return `${said.join(', ')}.`;
}
