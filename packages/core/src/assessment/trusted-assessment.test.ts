import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemsOf as refused } from '../../test/domain-problems.js';
import { DomainError } from '../errors.js';
import { ASSESSMENT_SECTIONS } from './sections.js';
import { applySectionSave, checkSectionAnswers, sectionProgress, sectionsChangedBetween, type Recorder } from './trusted-assessment.js';

const nurse: Recorder = { staffId: 'nurse-1', name: 'Nia Nurse', role: 'nurse', organisationName: 'Community Health' };
const coordinator: Recorder = { staffId: 'pic-1', name: 'Pat Coordinator', role: 'coordinator', organisationName: 'Age UK' };
const monday = new Date('2026-03-09T10:00:00Z');
const tuesday = new Date('2026-03-10T10:00:00Z');

const problemsOf = (run: () => unknown) => refused(run) ?? [];

describe('the trusted assessment', () => {
  it('every section has questions with unique ids, and every choice has options', () => {
    expect(new Set(ASSESSMENT_SECTIONS.map((s) => s.id)).size).toBe(ASSESSMENT_SECTIONS.length);
    for (const section of ASSESSMENT_SECTIONS) {
      expect(new Set(section.questions.map((q) => q.id)).size).toBe(section.questions.length);
      for (const q of section.questions) if (q.kind.type === 'choice') expect(q.kind.options.length).toBeGreaterThan(1);
    }
  });

  it('stamps answers with who recorded them, and keeps the first author of an answer left as it was', () => {
    const first = applySectionSave({}, 'mobility_and_falls', { walking: 'aid', falls_last_year: 2 }, nurse, monday)!;
    expect(first.mobility_and_falls!.walking).toEqual({ value: 'aid', recordedBy: nurse, recordedAt: monday.toISOString() });
    const second = applySectionSave(first, 'mobility_and_falls', { walking: 'aid', falls_last_year: 3, fear_of_falling: true }, coordinator, tuesday)!;
    expect(second.mobility_and_falls!.walking!.recordedBy).toEqual(nurse);
    expect(second.mobility_and_falls!.falls_last_year).toMatchObject({ value: 3, recordedBy: coordinator, recordedAt: tuesday.toISOString() });
    expect(second.mobility_and_falls!.fear_of_falling!.value).toBe(true);
  });

  it('null clears an answer; a save that changes nothing gives null', () => {
    const first = applySectionSave({}, 'memory', { memory_concern: 'some', memory_assessed: false }, nurse, monday)!;
    const cleared = applySectionSave(first, 'memory', { memory_assessed: null }, nurse, tuesday)!;
    expect(cleared.memory).not.toHaveProperty('memory_assessed');
    expect(applySectionSave(cleared, 'memory', { memory_concern: 'some' }, coordinator, tuesday)).toBeNull();
    expect(applySectionSave(cleared, 'memory', { memory_assessed: null }, coordinator, tuesday)).toBeNull();
  });

  it('leaves other sections as they were', () => {
    const first = applySectionSave({}, 'memory', { memory_concern: 'none' }, nurse, monday)!;
    const second = applySectionSave(first, 'lifestyle', { smoking: 'former' }, nurse, tuesday)!;
    expect(second.memory).toBe(first.memory);
    expect(sectionsChangedBetween(first, second)).toEqual(['lifestyle']);
  });

  it('names every answer that does not fit its question', () => {
    const problems = problemsOf(() =>
      checkSectionAnswers('mobility_and_falls', { walking: 'running', falls_last_year: -1, fear_of_falling: 'yes', shoe_size: 9 }),
    );
    expect(problems.map((p) => p.field)).toEqual(['answers.walking', 'answers.falls_last_year', 'answers.fear_of_falling', 'answers.shoe_size']);
    expect(problems[1]!.reason).toBe('Must be from 0 to 100 falls');
  });

  it('refuses an unknown section, a fractional number, blank and overlong text', () => {
    expect(problemsOf(() => checkSectionAnswers('astrology', {}))[0]).toEqual({ field: 'section', reason: 'No assessment section is called "astrology"' });
    expect(problemsOf(() => checkSectionAnswers('lifestyle', { alcohol_units: 2.5 }))[0]!.reason).toBe('Must be a whole number');
    expect(problemsOf(() => checkSectionAnswers('memory', { notes: '   ' }))[0]!.field).toBe('answers.notes');
    expect(problemsOf(() => checkSectionAnswers('memory', { notes: 'x'.repeat(4001) }))[0]!.reason).toBe('Must be at most 4000 characters');
  });

  it('counts answered questions per section', () => {
    const content = applySectionSave({}, 'money_and_benefits', { money_worries: true }, nurse, monday)!;
    expect(sectionProgress(content).find((p) => p.section === 'money_and_benefits')).toEqual({ section: 'money_and_benefits', answered: 1, of: 3 });
  });

  it('any number outside a number question’s range is refused, any inside accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        const accepted = n >= 0 && n <= 100;
        const run = () => checkSectionAnswers('mobility_and_falls', { falls_last_year: n });
        if (accepted) expect(run).not.toThrow();
        else expect(run).toThrow(DomainError);
      }),
    );
  });
});
