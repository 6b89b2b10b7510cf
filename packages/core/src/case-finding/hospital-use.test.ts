import { describe, expect, it } from 'vitest';
import {
  aeAttendanceDates,
  emergencyAdmissionDates,
  inWindow,
  lastMonths,
  linkedStays,
  monthsBefore,
  type EncounterFact,
} from './hospital-use.js';

const AS_OF = '2026-07-19';
const admission = (startDate: string, endDate: string | null, admissionMethod = '21'): EncounterFact => ({
  class: 'inpatient',
  admissionMethod,
  startDate,
  endDate,
});
const ae = (startDate: string): EncounterFact => ({ class: 'emergency', admissionMethod: null, startDate, endDate: startDate });

describe('the window "the last M months"', () => {
  it('starts after the same calendar day M months before', () => {
    expect(monthsBefore('2026-07-19', 12)).toBe('2025-07-19');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
    expect(monthsBefore('2026-07-19', 36)).toBe('2023-07-19');
  });

  it('falls back to the last day of a shorter month', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
  });

  it('leaves out the day exactly M months before, takes the day after, and the day itself, but not later', () => {
    const year = lastMonths(AS_OF, 12);
    expect(inWindow('2025-07-19', year)).toBe(false);
    expect(inWindow('2025-07-20', year)).toBe(true);
    expect(inWindow('2026-07-19', year)).toBe(true);
    expect(inWindow('2026-07-20', year)).toBe(false);
  });
});

describe('emergency admissions', () => {
  it('an admission exactly 12 months before is outside the window; one a day later is inside', () => {
    const year = lastMonths(AS_OF, 12);
    const dates = emergencyAdmissionDates([admission('2025-07-19', '2025-07-22'), admission('2025-07-20', '2025-07-21')], AS_OF);
    // The second starts while the first is still going on, so they are one stay, dated from its start: outside.
    expect(dates).toEqual(['2025-07-19']);
    expect(dates.filter((d) => inWindow(d, year))).toEqual([]);
    const apart = emergencyAdmissionDates([admission('2025-07-19', '2025-07-19'), admission('2025-07-21', '2025-07-23')], AS_OF);
    expect(apart.filter((d) => inWindow(d, year))).toEqual(['2025-07-21']);
    expect(emergencyAdmissionDates([admission('2025-07-20', '2025-07-20')], AS_OF).filter((d) => inWindow(d, year))).toEqual([
      '2025-07-20',
    ]);
  });

  it('count inpatient encounters with an admission method starting 2, whatever the second character', () => {
    const methods = ['21', '22', '23', '24', '25', '28', '2A', '2B', '2C', '2D'];
    const encounters = methods.map((m, i) => admission(`2026-0${1 + Math.floor(i / 5)}-${String(1 + (i % 5) * 5).padStart(2, '0')}`, null, m));
    expect(emergencyAdmissionDates(encounters, AS_OF)).toHaveLength(methods.length);
  });

  it('never count elective admissions (method starting 1), maternity, births or a missing method', () => {
    const encounters = ['11', '12', '13', '31', '32', '82', '83'].map((m) => admission('2026-05-01', '2026-05-03', m));
    encounters.push({ class: 'inpatient', admissionMethod: null, startDate: '2026-05-10', endDate: '2026-05-11' });
    expect(emergencyAdmissionDates(encounters, AS_OF)).toEqual([]);
  });

  it('an elective admission does not link two emergency admissions into one', () => {
    const encounters = [
      admission('2026-03-01', '2026-03-05'),
      admission('2026-03-05', '2026-03-10', '11'),
      admission('2026-03-10', '2026-03-12'),
    ];
    // Without the elective stay the emergencies are five days apart: two admissions.
    expect(emergencyAdmissionDates(encounters, AS_OF)).toEqual(['2026-03-01', '2026-03-10']);
  });

  it('do not count A&E attendances or outpatient appointments as admissions', () => {
    const encounters: EncounterFact[] = [ae('2026-04-01'), { class: 'ambulatory', admissionMethod: '21', startDate: '2026-04-02', endDate: '2026-04-02' }];
    expect(emergencyAdmissionDates(encounters, AS_OF)).toEqual([]);
  });

  it('ignore admissions after the day of evaluation', () => {
    expect(emergencyAdmissionDates([admission('2026-07-19', null), admission('2026-07-20', null)], AS_OF)).toEqual(['2026-07-19']);
  });
});

describe('a transfer between hospitals counts as one admission', () => {
  it('an admission starting on the day the previous one ended', () => {
    const encounters = [admission('2026-03-04', '2026-03-08', '21'), admission('2026-03-08', '2026-03-20', '21')];
    expect(emergencyAdmissionDates(encounters, AS_OF)).toEqual(['2026-03-04']);
    expect(linkedStays(encounters, AS_OF)).toEqual([{ start: '2026-03-04', end: '2026-03-20', emergencyDate: '2026-03-04' }]);
  });

  it('a 2B emergency transfer or an 81 transfer starting the day after', () => {
    expect(emergencyAdmissionDates([admission('2026-03-04', '2026-03-08'), admission('2026-03-09', '2026-03-12', '2B')], AS_OF)).toEqual(['2026-03-04']);
    expect(emergencyAdmissionDates([admission('2026-03-04', '2026-03-08'), admission('2026-03-09', '2026-03-12', '81')], AS_OF)).toEqual(['2026-03-04']);
  });

  it('a chain of transfers is still one admission', () => {
    const encounters = [
      admission('2026-02-01', '2026-02-03', '22'),
      admission('2026-02-03', '2026-02-10', '2B'),
      admission('2026-02-11', '2026-02-20', '81'),
      admission('2026-02-20', '2026-02-25', '81'),
    ];
    expect(emergencyAdmissionDates(encounters, AS_OF)).toEqual(['2026-02-01']);
  });

  it('but not an ordinary emergency admission the day after discharge: that is a readmission', () => {
    expect(emergencyAdmissionDates([admission('2026-03-04', '2026-03-08'), admission('2026-03-09', '2026-03-12', '21')], AS_OF)).toEqual([
      '2026-03-04',
      '2026-03-09',
    ]);
  });

  it('a transfer two days after discharge is a new emergency admission when coded 2B, and nothing when coded 81', () => {
    expect(emergencyAdmissionDates([admission('2026-03-04', '2026-03-08'), admission('2026-03-10', '2026-03-12', '2B')], AS_OF)).toEqual([
      '2026-03-04',
      '2026-03-10',
    ]);
    expect(emergencyAdmissionDates([admission('2026-03-04', '2026-03-08'), admission('2026-03-10', '2026-03-12', '81')], AS_OF)).toEqual([
      '2026-03-04',
    ]);
  });

  it('an 81 transfer on its own is not an emergency admission; an emergency admission it leads into dates from its own start', () => {
    expect(emergencyAdmissionDates([admission('2026-03-04', '2026-03-08', '81')], AS_OF)).toEqual([]);
    expect(emergencyAdmissionDates([admission('2026-03-04', '2026-03-08', '81'), admission('2026-03-08', '2026-03-09', '21')], AS_OF)).toEqual([
      '2026-03-08',
    ]);
  });

  it('an admission without an end date links only what starts the same day', () => {
    expect(emergencyAdmissionDates([admission('2026-03-04', null), admission('2026-03-04', '2026-03-06', '2B')], AS_OF)).toEqual(['2026-03-04']);
    expect(emergencyAdmissionDates([admission('2026-03-04', null), admission('2026-06-01', '2026-06-06')], AS_OF)).toEqual([
      '2026-03-04',
      '2026-06-01',
    ]);
  });
});

describe('A&E attendances', () => {
  it('count every emergency-class encounter up to the day, including one that led to an admission', () => {
    const encounters = [ae('2026-02-01'), ae('2026-02-01'), ae('2026-07-19'), ae('2026-07-20'), admission('2026-02-01', '2026-02-03')];
    expect(aeAttendanceDates(encounters, AS_OF)).toEqual(['2026-02-01', '2026-02-01', '2026-07-19']);
  });
});
