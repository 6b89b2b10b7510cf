import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addAgendaReason,
  assertNotObjected,
  buildAgenda,
  parseManualAgendaItem,
  plannedMinutes,
  refreshAgenda,
  reorderAgenda,
  setItemMinutes,
  type AgendaCandidate,
  type AgendaInput,
  type AgendaItem,
} from './agenda.js';
import { validateSbar } from './sbar.js';
import { caught } from '../../test/domain-problems.js';

const meeting = { id: 'meeting-2', date: '2026-11-10' };
const sbar = { situation: 'Two falls this week', background: 'Lives alone, COPD', assessment: 'Frailty rising', recommendation: 'Therapist home visit' };
const person = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [ada, ben, cat, dev, eve, fay, gus] = [1, 2, 3, 4, 5, 6, 7].map(person) as [string, string, string, string, string, string, string];

const input = (over: Partial<AgendaInput> = {}): AgendaInput => ({ meeting, previousItems: [], candidates: [], objectedPersonIds: [], ...over });

describe('building an agenda', () => {
  it('gives one item per person, listing every reason once', () => {
    const agenda = buildAgenda(
      input({
        candidates: [
          { personId: ada, reason: { kind: 'referral_accepted', referralId: 'f1', acceptedAt: '2026-11-04T10:00:00Z' } },
          { personId: ada, reason: { kind: 'hospital_event', event: 'admission', encounterId: 'e1', on: '2026-11-05' } },
          { personId: ada, reason: { kind: 'referral_accepted', referralId: 'f1', acceptedAt: '2026-11-04T10:00:00Z' } },
          { personId: ben, reason: { kind: 'review_due', dueOn: '2026-11-10' } },
        ],
      }),
    );
    expect(agenda.items).toEqual([
      {
        personId: ada,
        reasons: [
          { kind: 'hospital_event', event: 'admission', encounterId: 'e1', on: '2026-11-05' },
          { kind: 'referral_accepted', referralId: 'f1', acceptedAt: '2026-11-04T10:00:00Z' },
        ],
        carriedCount: 0,
        minutes: null,
      },
      { personId: ben, reasons: [{ kind: 'review_due', dueOn: '2026-11-10' }], carriedCount: 0, minutes: null },
    ]);
    expect(agenda.meetingId).toBe('meeting-2');
    expect(agenda.objectionsWithheld).toBe(0);
  });

  it('orders items by their most pressing reason: carried, manual, hospital, referral, case finding, review, tasks', () => {
    const agenda = buildAgenda(
      input({
        previousItems: [
          { personId: gus, reviewed: false, carriedCount: 0 },
          { personId: fay, reviewed: false, carriedCount: 2 },
        ],
        candidates: [
          { personId: ada, reason: { kind: 'open_tasks', count: 2 } },
          { personId: ben, reason: { kind: 'review_due', dueOn: '2026-11-03' } },
          { personId: cat, reason: { kind: 'case_finding_new', ruleId: 'r1', ruleName: 'Frailty' } },
          { personId: dev, reason: { kind: 'referral_accepted', referralId: 'f', acceptedAt: '2026-11-04T10:00:00Z' } },
          { personId: eve, reason: { kind: 'hospital_event', event: 'ae_attendance', encounterId: 'e', on: '2026-11-06' } },
          { personId: ada, reason: { kind: 'manual', sbar, addedBy: 'staff-1', addedAt: '2026-11-08T16:00:00Z' } },
        ],
      }),
    );
    expect(agenda.items.map((i) => i.personId)).toEqual([fay, gus, ada, eve, dev, cat, ben]);
    expect(agenda.items[0]).toMatchObject({ carriedCount: 3, reasons: [{ kind: 'carried_over', meetings: 3 }] });
    expect(agenda.items[2]!.reasons.map((r) => r.kind)).toEqual(['manual', 'open_tasks']);
  });

  it('rolls over only what was not reviewed, counting the pile-up', () => {
    const agenda = buildAgenda(
      input({
        previousItems: [
          { personId: ada, reviewed: true, carriedCount: 4 },
          { personId: ben, reviewed: false, carriedCount: 0 },
          { personId: cat, reviewed: false, carriedCount: 1 },
        ],
        candidates: [{ personId: ada, reason: { kind: 'hospital_event', event: 'discharge', encounterId: 'e', on: '2026-11-09' } }],
      }),
    );
    const byPerson = Object.fromEntries(agenda.items.map((i) => [i.personId, i]));
    expect(byPerson[cat]).toMatchObject({ carriedCount: 2, reasons: [{ kind: 'carried_over', meetings: 2 }] });
    expect(byPerson[ben]).toMatchObject({ carriedCount: 1, reasons: [{ kind: 'carried_over', meetings: 1 }] });
    // Reviewed: back for a new reason only, and the count starts again.
    expect(byPerson[ada]).toMatchObject({ carriedCount: 0, reasons: [{ kind: 'hospital_event' }] });
    expect(agenda.items.map((i) => i.personId)).toEqual([cat, ben, ada]);
  });

  it('never rolls over a reviewed item', () => {
    expect(buildAgenda(input({ previousItems: [{ personId: ada, reviewed: true, carriedCount: 0 }] })).items).toEqual([]);
  });

  it('keeps a carried item together with its new reasons', () => {
    const agenda = buildAgenda(
      input({
        previousItems: [{ personId: ada, reviewed: false, carriedCount: 0 }],
        candidates: [{ personId: ada, reason: { kind: 'open_tasks', count: 1 } }],
      }),
    );
    expect(agenda.items).toHaveLength(1);
    expect(agenda.items[0]!.reasons.map((r) => r.kind)).toEqual(['carried_over', 'open_tasks']);
  });

  it('leaves out reviews not yet due and empty task counts', () => {
    const agenda = buildAgenda(
      input({
        candidates: [
          { personId: ada, reason: { kind: 'review_due', dueOn: '2026-11-11' } },
          { personId: ben, reason: { kind: 'open_tasks', count: 0 } },
          { personId: cat, reason: { kind: 'review_due', dueOn: '2026-10-27' } },
          { personId: dev, reason: { kind: 'plan_review_due', dueOn: '2026-11-11' } },
          { personId: eve, reason: { kind: 'plan_review_due', dueOn: '2026-11-10' } },
        ],
      }),
    );
    expect(agenda.items.map((i) => i.personId)).toEqual([cat, eve]);
  });

  it('honours an objection: no item, whatever the reason, and only a count for the chair', () => {
    const agenda = buildAgenda(
      input({
        previousItems: [{ personId: ben, reviewed: false, carriedCount: 0 }],
        candidates: [
          { personId: ada, reason: { kind: 'hospital_event', event: 'admission', encounterId: 'e', on: '2026-11-05' } },
          { personId: ada, reason: { kind: 'referral_accepted', referralId: 'f', acceptedAt: '2026-11-04T10:00:00Z' } },
          { personId: cat, reason: { kind: 'review_due', dueOn: '2026-11-01' } },
          { personId: dev, reason: { kind: 'review_due', dueOn: '2026-12-01' } },
        ],
        objectedPersonIds: new Set([ada, ben, dev, eve]),
      }),
    );
    expect(agenda.items.map((i) => i.personId)).toEqual([cat]);
    // ada (two reasons) and ben (carried over) are counted once each; dev had no live reason, eve none at all.
    expect(agenda.objectionsWithheld).toBe(2);
    expect(JSON.stringify(agenda)).not.toContain(ada);
    expect(JSON.stringify(agenda)).not.toContain(ben);
  });

  it('gives the same agenda whatever order the sources arrive in', () => {
    const candidates: AgendaCandidate[] = [
      { personId: ada, reason: { kind: 'review_due', dueOn: '2026-11-03' } },
      { personId: ben, reason: { kind: 'review_due', dueOn: '2026-11-03' } },
      { personId: cat, reason: { kind: 'hospital_event', event: 'admission', encounterId: 'e3', on: '2026-11-05' } },
      { personId: dev, reason: { kind: 'hospital_event', event: 'admission', encounterId: 'e4', on: '2026-11-05' } },
      { personId: cat, reason: { kind: 'case_finding_new', ruleId: 'r', ruleName: 'Frailty' } },
      { personId: eve, reason: { kind: 'manual', sbar, addedBy: 's1', addedAt: '2026-11-06T09:00:00Z' } },
      { personId: eve, reason: { kind: 'manual', sbar, addedBy: 's1', addedAt: '2026-11-06T09:00:00Z' } },
      { personId: fay, reason: { kind: 'open_tasks', count: 2 } },
    ];
    const previousItems = [
      { personId: gus, reviewed: false, carriedCount: 1 },
      { personId: ada, reviewed: false, carriedCount: 1 },
    ];
    const expected = buildAgenda(input({ candidates, previousItems }));
    fc.assert(
      fc.property(fc.shuffledSubarray(candidates, { minLength: candidates.length }), fc.shuffledSubarray(previousItems, { minLength: 2 }), (shuffled, previous) => {
        expect(buildAgenda(input({ candidates: shuffled, previousItems: previous }))).toEqual(expected);
      }),
    );
    expect(expected.items.map((i) => i.personId)).toEqual([ada, gus, eve, cat, dev, ben, fay]);
  });

  it('refuses a meeting date that is not a date', () => {
    expect(caught(() => buildAgenda(input({ meeting: { id: 'm', date: '10/11/2026' } }))).problems).toEqual([
      { field: 'meeting.date', reason: 'Must be a real date, written as YYYY-MM-DD' },
    ]);
  });
});

const items = (...ids: string[]): AgendaItem[] => ids.map((personId) => ({ personId, reasons: [{ kind: 'open_tasks', count: 1 }], carriedCount: 0, minutes: null }));

describe('reordering and timing the agenda', () => {
  it('puts the items in the order given', () => {
    expect(reorderAgenda(items(ada, ben, cat), [cat, ada, ben]).map((i) => i.personId)).toEqual([cat, ada, ben]);
  });

  it('refuses a person listed twice (400)', () => {
    const error = caught(() => reorderAgenda(items(ada, ben), [ada, ada, ben]));
    expect(error.code).toBe('invalid');
    expect(error.problems).toEqual([{ field: 'personIds.1', reason: 'This person is listed twice' }]);
  });

  it('refuses an order that no longer matches the agenda (409), saying what is wrong', () => {
    const unknown = caught(() => reorderAgenda(items(ada, ben), [ben, ada, cat]));
    expect(unknown.code).toBe('conflict');
    expect(unknown.problems).toEqual([{ field: 'personIds.2', reason: 'This person is not on the agenda' }]);
    const missing = caught(() => reorderAgenda(items(ada, ben, cat), [cat, ada]));
    expect(missing.code).toBe('conflict');
    expect(missing.problems).toEqual([{ field: 'personIds', reason: `Person ${ben} on the agenda is missing from the new order` }]);
  });

  it('sets and clears a time of 1 to 60 minutes, and adds them up', () => {
    const timed = setItemMinutes(setItemMinutes(items(ada, ben), ada, 10), ben, 5);
    expect(timed.map((i) => i.minutes)).toEqual([10, 5]);
    expect(plannedMinutes(timed)).toBe(15);
    expect(setItemMinutes(timed, ada, null).map((i) => i.minutes)).toEqual([null, 5]);
  });

  it('refuses a time outside 1 to 60 whole minutes, or a person not on the agenda', () => {
    for (const bad of [0, 61, 2.5, -1]) expect(caught(() => setItemMinutes(items(ada), ada, bad)).problems[0]!.field, String(bad)).toBe('minutes');
    expect(caught(() => setItemMinutes(items(ada), ada, 61)).message).toBe('minutes: Give at most 60 minutes');
    const notThere = caught(() => setItemMinutes(items(ada), ben, 5));
    expect(notThere.code).toBe('not_found');
    expect(notThere.problems[0]!.field).toBe('personId');
  });

  it('keeps the chair’s order and times when the agenda is refreshed', () => {
    const current = setItemMinutes(reorderAgenda(items(ada, ben, cat), [cat, ada, ben]), ada, 15);
    const rebuilt = buildAgenda(
      input({
        candidates: [
          { personId: ada, reason: { kind: 'review_due', dueOn: '2026-11-01' } },
          { personId: cat, reason: { kind: 'open_tasks', count: 3 } },
          { personId: dev, reason: { kind: 'hospital_event', event: 'admission', encounterId: 'e', on: '2026-11-09' } },
          { personId: eve, reason: { kind: 'open_tasks', count: 1 } },
        ],
      }),
    );
    const refreshed = refreshAgenda(current, rebuilt);
    expect(refreshed.items.map((i) => [i.personId, i.minutes])).toEqual([
      [cat, null],
      [ada, 15],
      [dev, null],
      [eve, null],
    ]);
    expect(refreshed.items[0]!.reasons).toEqual([{ kind: 'open_tasks', count: 3 }]);
  });
});

describe('adding a person by hand', () => {
  it('checks the SBAR, naming each missing part', () => {
    expect(validateSbar({ ...sbar, situation: '  Two falls  ' }).situation).toBe('Two falls');
    const error = caught(() => validateSbar({ situation: 'Falls', background: '', assessment: '   ' }));
    expect(error.problems.map((p) => p.field)).toEqual(['sbar.background', 'sbar.assessment', 'sbar.recommendation']);
    expect(error.problems[2]!.reason).toBe('Say what you recommend or ask of the team');
    expect(caught(() => validateSbar(undefined)).problems).toEqual([
      { field: 'sbar', reason: 'Write an SBAR summary: situation, background, assessment and recommendation' },
    ]);
    expect(caught(() => validateSbar({ ...sbar, mood: 'low' })).problems).toEqual([{ field: 'sbar.mood', reason: 'Unknown field' }]);
    expect(caught(() => validateSbar({ ...sbar, assessment: 'x'.repeat(1001) })).problems[0]!.reason).toBe('Keep it to 1,000 characters or fewer');
  });

  it('takes a person and an SBAR, and refuses a person who objected (409 naming personId)', () => {
    expect(parseManualAgendaItem({ personId: ada, sbar }, [])).toEqual({ personId: ada, sbar });
    const objected = caught(() => parseManualAgendaItem({ personId: ada, sbar }, [ada]));
    expect(objected.code).toBe('conflict');
    expect(objected.problems).toEqual([{ field: 'personId', reason: 'This person has objected to being discussed at MDT meetings, so cannot be added to an agenda' }]);
    const bad = caught(() => parseManualAgendaItem({ personId: 'Ada', sbar: { ...sbar, recommendation: '' } }, []));
    expect(bad.code).toBe('invalid');
    expect(bad.problems.map((p) => p.field)).toEqual(['personId', 'sbar.recommendation']);
  });

  it('adds a reason to the person’s item, or a new item at the end', () => {
    const manual = { kind: 'manual', sbar, addedBy: 's1', addedAt: '2026-11-08T09:00:00Z' } as const;
    const joined = addAgendaReason(items(ada, ben), ben, manual, []);
    expect(joined.map((i) => i.personId)).toEqual([ada, ben]);
    expect(joined[1]!.reasons.map((r) => r.kind)).toEqual(['manual', 'open_tasks']);
    const added = addAgendaReason(items(ada), cat, manual, []);
    expect(added.map((i) => i.personId)).toEqual([ada, cat]);
    expect(added[1]).toEqual({ personId: cat, reasons: [manual], carriedCount: 0, minutes: null });
    expect(caught(() => addAgendaReason(items(ada), cat, manual, [cat])).code).toBe('conflict');
    expect(() => assertNotObjected(ada, new Set([ben]))).not.toThrow();
  });
});
