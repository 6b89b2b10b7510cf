import { describe, expect, it } from 'vitest';
import { MEETING_MOVES, assertEditable, attendanceSchema, meetingMoveProblem, meetingMoveSchema, signAddendum, type MeetingStatus } from './meeting.js';
import { caught } from '../../test/domain-problems.js';

const staffId = '00000000-0000-4000-8000-0000000000aa';
const meeting = (state: MeetingStatus['state']): MeetingStatus => ({ id: 'm-1', date: '2026-11-10', state });

describe('meeting states', () => {
  it('runs scheduled, in progress, closed; or scheduled, cancelled', () => {
    expect(meetingMoveProblem('scheduled', 'in_progress')).toBeUndefined();
    expect(meetingMoveProblem('in_progress', 'closed')).toBeUndefined();
    expect(meetingMoveProblem('scheduled', 'cancelled')).toBeUndefined();
    expect(meetingMoveProblem('scheduled', 'closed')).toBe('A meeting that is scheduled can only become in progress or cancelled');
    expect(meetingMoveProblem('in_progress', 'cancelled')).toBe('A meeting that is in progress can only become closed');
    expect(meetingMoveProblem('closed', 'in_progress')).toBe('A closed meeting is frozen: add an addendum instead');
    expect(meetingMoveProblem('cancelled', 'scheduled')).toBe('A cancelled meeting cannot change');
    expect(MEETING_MOVES.closed).toEqual([]);
  });

  it('needs a reason to cancel', () => {
    expect(meetingMoveSchema.safeParse({ to: 'cancelled', version: 1 }).error!.issues).toMatchObject([{ path: ['reason'], message: 'Say why the meeting is cancelled' }]);
    expect(meetingMoveSchema.safeParse({ to: 'cancelled', version: 1, reason: 'Bank holiday' }).success).toBe(true);
  });
});

describe('the frozen record', () => {
  it('lets a scheduled or running meeting be changed', () => {
    expect(() => assertEditable(meeting('scheduled'))).not.toThrow();
    expect(() => assertEditable(meeting('in_progress'))).not.toThrow();
  });

  it('refuses any change to a closed meeting (409), pointing to addenda', () => {
    const error = caught(() => assertEditable(meeting('closed')));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('The meeting of 10 November 2026 is closed and its record is frozen: add an addendum instead');
    expect(error.problems).toEqual([{ field: 'meetingId', reason: error.message }]);
    expect(error.extra).toEqual({ meetingId: 'm-1', meetingState: 'closed' });
    expect(caught(() => assertEditable(meeting('cancelled'))).message).toMatch(/was cancelled/);
  });

  it('signs and dates an addendum to a closed meeting', () => {
    const addendum = signAddendum(meeting('closed'), { text: 'Dr Shah agreed the referral after the meeting.' }, staffId, new Date('2026-11-11T08:30:00Z'));
    expect(addendum).toEqual({ text: 'Dr Shah agreed the referral after the meeting.', signedBy: staffId, signedAt: '2026-11-11T08:30:00.000Z' });
  });

  it('refuses an addendum before closing, or to a cancelled meeting, or without text', () => {
    const open = caught(() => signAddendum(meeting('in_progress'), { text: 'x' }, staffId, new Date()));
    expect(open.code).toBe('conflict');
    expect(open.message).toMatch(/still open/);
    expect(caught(() => signAddendum(meeting('cancelled'), { text: 'x' }, staffId, new Date())).code).toBe('conflict');
    const empty = caught(() => signAddendum(meeting('closed'), { text: '   ' }, staffId, new Date('2026-11-11T08:30:00Z')));
    expect(empty.problems).toEqual([{ field: 'text', reason: 'Write the addendum' }]);
  });
});

describe('attendance', () => {
  it('takes each member once, with the role they came in', () => {
    expect(attendanceSchema.safeParse({ attendees: [{ staffId, role: 'gp' }] }).success).toBe(true);
    const twice = attendanceSchema.safeParse({ attendees: [{ staffId, role: 'gp' }, { staffId, role: 'network_lead' }] });
    expect(twice.error!.issues).toMatchObject([{ path: ['attendees', 1, 'staffId'], message: 'This member of staff is listed twice' }]);
    expect(attendanceSchema.safeParse({ attendees: [{ staffId, role: 'doctor' }] }).error!.issues[0]!.path).toEqual(['attendees', 0, 'role']);
  });
});
