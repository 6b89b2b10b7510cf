import { describe, expect, it } from 'vitest';
import { CHART, progressChart, progressInWords } from './progress-chart';

const series = {
  since: '2026-03-01T12:00:00Z',
  points: [
    { status: 'in_progress' as const, at: '2026-03-11T12:00:00Z', recordedBy: { kind: 'person' as const } },
    { status: 'achieved' as const, at: '2026-03-21T12:00:00Z', recordedBy: { kind: 'person' as const } },
  ],
};

describe('a goal’s progress chart', () => {
  it('starts at not started when the goal was written, steps through each status and runs on to today', () => {
    const chart = progressChart(series, '2026-03-31T12:00:00Z');
    const plotWidth = CHART.width - CHART.left - CHART.right;
    expect(chart.points.map((p) => p.status)).toEqual(['not_started', 'in_progress', 'achieved']);
    expect(chart.points[0]!.x).toBe(CHART.left);
    expect(chart.points[1]!.x).toBeCloseTo(CHART.left + plotWidth / 3, 0);
    expect(chart.line.endsWith(`H ${CHART.left + plotWidth}`)).toBe(true);
    const row = (status: string) => chart.rows.find((r) => r.status === status)!.y;
    expect(chart.points.map((p) => p.y)).toEqual([row('not_started'), row('in_progress'), row('achieved')]);
    expect(row('achieved')).toBeLessThan(row('not_started'));
  });

  it('labels every row in words', () => {
    expect(progressChart(series, '2026-03-31T12:00:00Z').rows.map((r) => r.label)).toEqual(['Changed', 'Achieved', 'In progress', 'Not started']);
  });

  it('draws a goal written down just now as a point', () => {
    const chart = progressChart({ since: '2026-03-01T12:00:00Z', points: [] }, '2026-03-01T12:00:00Z');
    expect(chart.points).toHaveLength(1);
    expect(chart.line).toBe(`M ${CHART.left} ${chart.points[0]!.y} H ${CHART.left}`);
  });

  it('says the same in a sentence', () => {
    expect(progressInWords(series)).toBe('Not started on 1 March 2026, in progress on 11 March 2026, achieved on 21 March 2026.');
  });
});
