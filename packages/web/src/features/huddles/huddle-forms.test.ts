import type { HuddleSeriesView, PersonHuddleNotes } from '@kith/core';
import { describe, expect, it } from 'vitest';
import { attendanceCandidates } from '../huddle-meetings/attendance-candidates';
import { moved } from './agenda-order';
import { byMeeting } from './huddle-notes';
import { carriedText, weekdayOfDate } from './labels';
import { criteriaOf } from '../people/person-finder';
import { seriesChanges } from './series-conflict';
import { clockTimeOf, memberCheckboxId, scopeOf, scopeValue, seriesApiFields, seriesFieldIds, seriesInputOf } from './series-form';

const IDS = seriesFieldIds('s');
const CHAIR = '0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f';
const NURSE = '1a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f';
const NETWORK = '2a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f';

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const each of [value].flat()) data.append(key, each);
  return data;
}

const filled = {
  [IDS.name]: 'Tollgate huddle',
  [IDS.scope]: `network:${NETWORK}`,
  [IDS.weekday]: 'tuesday',
  [IDS.start]: '9:30',
  [IDS.duration]: '45',
  [IDS.place]: 'Tollgate Surgery, room 2',
  [IDS.frequency]: 'fortnightly',
  [`${IDS.firstDay}-day`]: '2',
  [`${IDS.firstDay}-month`]: '6',
  [`${IDS.firstDay}-year`]: '2026',
  [IDS.chair]: CHAIR,
  [IDS.members]: [NURSE, CHAIR],
};

describe('the series form', () => {
  it('reads every question into what the API takes, leaving the chair out of the members', () => {
    expect(seriesInputOf(form(filled), IDS)).toEqual({
      input: {
        name: 'Tollgate huddle',
        scope: { kind: 'network', networkId: NETWORK },
        weekday: 'tuesday',
        startTime: '09:30',
        durationMinutes: 45,
        place: 'Tollgate Surgery, room 2',
        frequency: 'fortnightly',
        firstMeetingOn: '2026-06-02',
        chairStaffId: CHAIR,
        standingMemberStaffIds: [NURSE],
      },
      problems: [],
    });
  });

  it('names every question left unanswered, each linked to its input', () => {
    const { input, problems } = seriesInputOf(form({ [IDS.duration]: '' }), IDS);
    expect(input).toBeUndefined();
    expect(problems.map((p) => p.fieldId)).toEqual([IDS.name, IDS.scope, IDS.weekday, IDS.start, IDS.duration, IDS.place, IDS.frequency, `${IDS.firstDay}-day`, IDS.chair]);
  });

  it('refuses a first meeting on another day of the week, a time off the clock and a length out of range', () => {
    const { problems } = seriesInputOf(form({ ...filled, [`${IDS.firstDay}-day`]: '3', [IDS.start]: '25:00', [IDS.duration]: '300' }), IDS);
    expect(problems.map((p) => p.message)).toEqual([
      'Give a start time on the 24-hour clock, such as 09:30',
      'A huddle lasts at most 240 minutes',
      'The first meeting must be on a Tuesday; this date is a Wednesday',
    ]);
  });

  it('links the API field problems to the inputs, a standing member by the position sent', () => {
    const fields = seriesApiFields(IDS, [NURSE]);
    expect(fields['scope.networkId']).toBe(IDS.scope);
    expect(fields.firstMeetingOn).toBe(`${IDS.firstDay}-day`);
    expect(fields['standingMemberStaffIds.0']).toBe(memberCheckboxId(IDS, NURSE));
  });

  it('round-trips a scope and tidies a time', () => {
    expect(scopeOf(scopeValue({ kind: 'practice', practiceId: CHAIR }))).toEqual({ kind: 'practice', practiceId: CHAIR });
    expect(scopeOf('team:x')).toBeUndefined();
    expect(clockTimeOf('9.05')).toBe('09:05');
    expect(clockTimeOf('noon')).toBe('noon');
    expect(weekdayOfDate('2026-06-02')).toBe('tuesday');
  });
});

describe('a change made by someone else', () => {
  const series = {
    name: 'Tollgate huddle',
    scope: 'network',
    practiceName: null,
    networkName: 'Tollgate network',
    weekday: 'tuesday',
    startTime: '12:30',
    durationMinutes: 60,
    place: 'Room 2',
    frequency: 'weekly',
    firstMeetingOn: '2026-06-02',
    chair: { staffId: CHAIR, name: 'Dr Asha Patel' },
    standingMembers: [],
  } as unknown as HuddleSeriesView;

  it('lists each detail that differs, before and after', () => {
    const now = { ...series, place: 'Library', standingMembers: [{ staffId: NURSE, name: 'Grace Mensah' }] };
    expect(seriesChanges(series, now)).toEqual(['Place: Room 2 → Library', 'Standing members: none → Grace Mensah']);
    expect(seriesChanges(series, series)).toEqual([]);
  });
});

describe('the agenda', () => {
  it('moves a person one place, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 'a', 'up')).toBeUndefined();
    expect(moved(['a', 'b', 'c'], 'c', 'down')).toBeUndefined();
  });

  it('says plainly how long an item has waited', () => {
    expect(carriedText(1)).toBe('Carried over from 1 meeting');
    expect(carriedText(2)).toBe('Carried over from 2 meetings');
  });

  it('finds a person by a valid NHS number or by name', () => {
    expect(criteriaOf('943 476 5919')).toEqual({ criteria: { nhsNumber: '9434765919' } });
    expect(criteriaOf('943 476 5918').problem).toBeDefined();
    expect(criteriaOf(' Edna Walsh ')).toEqual({ criteria: { name: 'Edna Walsh' } });
    expect(criteriaOf('e').problem).toBe('Enter the NHS number, or at least 2 letters of the name');
  });
});

describe("a person's huddle notes", () => {
  it('groups the notes by meeting, keeping the order given', () => {
    const note = (id: string, meetingId: string) => ({ id, meetingId, meetingTitle: `Huddle ${meetingId}`, meetingState: 'closed' }) as PersonHuddleNotes['notes'][number];
    const groups = byMeeting([note('1', 'b'), note('2', 'b'), note('3', 'a')]);
    expect(groups.map((g) => [g.meetingId, g.notes.map((n) => n.id)])).toEqual([
      ['b', ['1', '2']],
      ['a', ['3']],
    ]);
  });
});

describe('attendance', () => {
  it('offers the members in the roles the view gives, then others recorded, then the user', () => {
    const candidates = attendanceCandidates(
      {
        members: [
          { staffId: CHAIR, name: 'Dr Asha Patel', chair: true, roles: [{ role: 'gp', roleLabel: 'GP' }] },
          { staffId: NURSE, name: 'Grace Mensah', chair: false, roles: [{ role: 'nurse', roleLabel: 'Community nurse' }] },
        ],
        attendance: [{ staffId: NURSE, name: 'Grace Mensah', role: 'nurse', roleLabel: 'Community nurse' }],
      },
      { id: NETWORK, name: 'Pat Lead', email: 'p@example.test', roles: [{ organisationId: 'o', organisationName: 'O', role: 'network_lead' }] },
    );
    expect(candidates).toEqual([
      { staffId: CHAIR, name: 'Dr Asha Patel', roles: ['gp'], attended: false, role: 'gp' },
      { staffId: NURSE, name: 'Grace Mensah', roles: ['nurse'], attended: true, role: 'nurse' },
      { staffId: NETWORK, name: 'Pat Lead', roles: ['network_lead'], attended: false, role: 'network_lead' },
    ]);
  });
});
