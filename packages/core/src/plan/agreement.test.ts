import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { recordPlanAgreement, type PlanAgreementRecording } from './agreement.js';
import type { PlanEditor } from './locks.js';

const SAM = '7b5c3c1e-1f0a-4a57-9d7e-1b2c3d4e5f60';
const coordinator: PlanEditor = { staffId: SAM, name: 'Sam Patel', roles: ['coordinator'] };
const savedOn: Record<number, string> = { 1: '2026-03-03', 2: '2026-03-10' };

const recording = (input: unknown, editor: PlanEditor = coordinator): PlanAgreementRecording => ({
  input,
  editor,
  now: new Date('2026-03-12T15:00:00.000Z'),
  today: '2026-03-12',
  currentVersion: 2,
  versionSavedOn: (version) => savedOn[version],
});

function fields(r: PlanAgreementRecording): string[] {
  try {
    recordPlanAgreement(r);
  } catch (error) {
    expect((error as DomainError).code).toBe('invalid');
    return (error as DomainError).problems.map((p) => p.field);
  }
  return [];
}

describe('the person’s agreement to a version', () => {
  it('is recorded by staff with how and the day it was given, which may be before today', () => {
    expect(recordPlanAgreement(recording({ version: 2, how: 'in_person', agreedOn: '2026-03-10', note: 'Agreed at the home visit' }))).toEqual({
      version: 2,
      how: 'in_person',
      agreedOn: '2026-03-10',
      note: 'Agreed at the home visit',
      recordedAt: '2026-03-12T15:00:00.000Z',
      recordedBy: { kind: 'staff', staffId: SAM, name: 'Sam Patel', role: 'coordinator' },
    });
  });

  it('is given online by the person, today', () => {
    const agreement = recordPlanAgreement(recording({ version: 2, how: 'portal', agreedOn: '2026-03-12' }, { kind: 'person' }));
    expect(agreement).toMatchObject({ how: 'portal', recordedBy: { kind: 'person' } });
    expect(fields(recording({ version: 2, how: 'portal', agreedOn: '2026-03-11' }, { kind: 'person' }))).toEqual(['agreedOn']);
    expect(fields(recording({ version: 2, how: 'phone', agreedOn: '2026-03-12' }, { kind: 'person' }))).toEqual(['how']);
  });

  it('cannot be recorded as online by staff', () => {
    expect(fields(recording({ version: 2, how: 'portal', agreedOn: '2026-03-12' }))).toEqual(['how']);
  });

  it('refuses a version that does not exist, a day in the future, and a day before the version was written', () => {
    expect(fields(recording({ version: 3, how: 'phone', agreedOn: '2026-03-12' }))).toEqual(['version']);
    expect(fields(recording({ version: 2, how: 'phone', agreedOn: '2026-03-13' }))).toEqual(['agreedOn']);
    expect(fields(recording({ version: 2, how: 'phone', agreedOn: '2026-03-09' }))).toEqual(['agreedOn']);
    expect(recordPlanAgreement(recording({ version: 1, how: 'written', agreedOn: '2026-03-05' })).version).toBe(1);
  });

  it('names each field at fault in the input', () => {
    expect(fields(recording({ version: 0, how: 'email', agreedOn: '2026-02-30' }))).toEqual(['version', 'how', 'agreedOn']);
    expect(fields(recording({}))).toEqual(['version', 'how', 'agreedOn']);
  });
});
