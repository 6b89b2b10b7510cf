import { describe, expect, it } from 'vitest';
import {
  TASK_MOVES,
  TASK_STATES,
  TASK_TEAM_ROLES,
  applyTaskMove,
  assertTaskEditable,
  completedOnTime,
  isOverdue,
  parseTaskCreate,
  parseTaskEdit,
  taskCommentSchema,
  taskMoveProblem,
  taskMoveSchema,
  type TaskStatus,
} from './tasks.js';
import { caught } from '../../test/domain-problems.js';

const today = '2026-11-10';
const personId = '00000000-0000-4000-8000-000000000001';
const staffId = '00000000-0000-4000-8000-0000000000aa';
const meetingId = '00000000-0000-4000-8000-0000000000bb';
const valid = { title: 'Arrange a falls assessment', owner: { kind: 'staff', staffId }, dueOn: '2026-11-17', personId, meetingId };

const fields = (fn: () => unknown) => caught(fn).problems.map((p) => p.field);

describe('a new action', () => {
  it('takes an owner who is a member of staff or a team, defaulting the priority to normal', () => {
    expect(parseTaskCreate(valid, today)).toEqual({ ...valid, priority: 'normal' });
    const team = parseTaskCreate({ ...valid, owner: { kind: 'team', role: 'pharmacist' }, priority: 'urgent', meetingId: undefined }, today);
    expect(team.owner).toEqual({ kind: 'team', role: 'pharmacist' });
    expect(team.priority).toBe('urgent');
  });

  it('may be due today, but not before', () => {
    expect(parseTaskCreate({ ...valid, dueOn: today }, today).dueOn).toBe(today);
    const past = caught(() => parseTaskCreate({ ...valid, dueOn: '2026-11-09' }, today));
    expect(past.code).toBe('invalid');
    expect(past.problems).toEqual([{ field: 'dueOn', reason: 'A due date cannot be in the past' }]);
    expect(past.message).toBe('dueOn: A due date cannot be in the past');
  });

  it('needs an owner and a due date, saying so by field', () => {
    const { owner: _o, dueOn: _d, ...bare } = valid;
    expect(caught(() => parseTaskCreate(bare, today)).problems).toEqual([
      { field: 'owner', reason: 'Choose who owns this action: a member of staff or a team' },
      { field: 'dueOn', reason: 'Give a due date' },
    ]);
  });

  it('names every other field at fault', () => {
    expect(fields(() => parseTaskCreate({ ...valid, title: '  ' }, today))).toEqual(['title']);
    expect(fields(() => parseTaskCreate({ ...valid, dueOn: '17/11/2026' }, today))).toEqual(['dueOn']);
    expect(fields(() => parseTaskCreate({ ...valid, dueOn: '2026-02-30' }, today))).toEqual(['dueOn']);
    expect(fields(() => parseTaskCreate({ ...valid, priority: 'whenever' }, today))).toEqual(['priority']);
    expect(fields(() => parseTaskCreate({ ...valid, personId: undefined }, today))).toEqual(['personId']);
    expect(fields(() => parseTaskCreate({ ...valid, meetingId: 'last week' }, today))).toEqual(['meetingId']);
    expect(fields(() => parseTaskCreate({ ...valid, owner: { kind: 'staff' } }, today))).toEqual(['owner.staffId']);
    expect(fields(() => parseTaskCreate({ ...valid, owner: { kind: 'team', role: 'commissioner' } }, today))).toEqual(['owner.role']);
    expect(fields(() => parseTaskCreate({ ...valid, owner: { kind: 'department' } }, today))).toEqual(['owner.kind']);
    expect(fields(() => parseTaskCreate({ ...valid, assignee: 'me' }, today))).toEqual(['assignee']);
  });

  it('goes to a team only in a role that cares for people', () => {
    for (const role of ['commissioner', 'analyst', 'privacy_officer', 'admin', 'volunteer']) expect(TASK_TEAM_ROLES).not.toContain(role);
    expect(TASK_TEAM_ROLES).toContain('coordinator');
  });
});

describe('editing an action', () => {
  it('checks a due date against today only when it changes', () => {
    expect(parseTaskEdit({ version: 3, priority: 'high' }, today)).toEqual({ version: 3, priority: 'high' });
    expect(fields(() => parseTaskEdit({ version: 3, dueOn: '2026-11-01' }, today))).toEqual(['dueOn']);
    expect(fields(() => parseTaskEdit({ version: 3 }, today))).toEqual(['body']);
    expect(fields(() => parseTaskEdit({ priority: 'high' }, today))).toEqual(['version']);
  });

  it('edits only an action still to do', () => {
    expect(() => assertTaskEditable({ state: 'open' })).not.toThrow();
    expect(() => assertTaskEditable({ state: 'in_progress' })).not.toThrow();
    const done = caught(() => assertTaskEditable({ state: 'done' }));
    expect(done.code).toBe('conflict');
    expect(done.message).toBe('This action is done: reopen it to change it');
  });
});

describe('action states', () => {
  const open: TaskStatus = { state: 'open', dueOn: '2026-11-17', completedOn: null, cancelledReason: null };

  it('moves only along the documented paths', () => {
    expect(taskMoveProblem('open', 'in_progress')).toBeUndefined();
    expect(taskMoveProblem('open', 'done')).toBeUndefined();
    expect(taskMoveProblem('in_progress', 'done')).toBeUndefined();
    expect(taskMoveProblem('in_progress', 'cancelled')).toBeUndefined();
    expect(taskMoveProblem('done', 'open')).toBeUndefined();
    expect(taskMoveProblem('cancelled', 'open')).toBeUndefined();
    expect(taskMoveProblem('done', 'cancelled')).toBe('An action that is done can only become open');
    expect(taskMoveProblem('in_progress', 'open')).toBe('An action that is in progress can only become done or cancelled');
    expect(taskMoveProblem('done', 'done')).toBe('The action is already done');
  });

  it('reaches done and cancelled from open, and back', () => {
    const reachable = new Set<string>(['open']);
    for (let i = 0; i < TASK_STATES.length; i++) for (const s of [...reachable]) for (const next of TASK_MOVES[s as keyof typeof TASK_MOVES]) reachable.add(next);
    expect(reachable).toEqual(new Set(TASK_STATES));
  });

  it('needs a reason to cancel or reopen, naming the field', () => {
    expect(taskMoveSchema.safeParse({ to: 'cancelled', version: 1 }).error!.issues).toMatchObject([{ path: ['reason'], message: 'Say why the action is cancelled' }]);
    expect(taskMoveSchema.safeParse({ to: 'open', version: 1, reason: '  ' }).error!.issues).toMatchObject([{ path: ['reason'], message: 'Say why the action is reopened' }]);
    expect(taskMoveSchema.safeParse({ to: 'done', version: 1 }).success).toBe(true);
    expect(caught(() => applyTaskMove(open, { to: 'cancelled' }, today)).problems).toEqual([{ field: 'reason', reason: 'Say why the action is cancelled' }]);
  });

  it('records the completion day, and clears it on reopening', () => {
    const done = applyTaskMove(open, { to: 'done' }, today);
    expect(done).toEqual({ ...open, state: 'done', completedOn: today });
    const reopened = applyTaskMove(done, { to: 'open', reason: 'The visit did not happen' }, '2026-11-12');
    expect(reopened).toEqual(open);
  });

  it('keeps the cancellation reason, and refuses a move not allowed (409 naming to)', () => {
    const cancelled = applyTaskMove({ ...open, state: 'in_progress' }, { to: 'cancelled', reason: ' Moved away ' }, today);
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelledReason: 'Moved away', completedOn: null });
    const error = caught(() => applyTaskMove(cancelled, { to: 'done' }, today));
    expect(error.code).toBe('conflict');
    expect(error.problems).toEqual([{ field: 'to', reason: 'An action that is cancelled can only become open' }]);
  });

  it('is overdue only while still to do, after its due day', () => {
    expect(isOverdue(open, '2026-11-17')).toBe(false);
    expect(isOverdue(open, '2026-11-18')).toBe(true);
    expect(isOverdue({ ...open, state: 'in_progress' }, '2026-11-18')).toBe(true);
    expect(isOverdue({ ...open, state: 'done' }, '2026-11-18')).toBe(false);
    expect(isOverdue({ ...open, state: 'cancelled' }, '2026-11-18')).toBe(false);
  });

  it('is completed on time when done on or before its due day', () => {
    expect(completedOnTime({ state: 'done', dueOn: '2026-11-17', completedOn: '2026-11-17' })).toBe(true);
    expect(completedOnTime({ state: 'done', dueOn: '2026-11-17', completedOn: '2026-11-18' })).toBe(false);
    expect(completedOnTime({ state: 'open', dueOn: '2026-11-17', completedOn: null })).toBe(false);
    expect(completedOnTime({ state: 'cancelled', dueOn: '2026-11-17', completedOn: null })).toBe(false);
  });

  it('takes comments of 1 to 2,000 characters', () => {
    expect(taskCommentSchema.parse({ text: ' Phoned daughter ' })).toEqual({ text: 'Phoned daughter' });
    expect(taskCommentSchema.safeParse({ text: '' }).error!.issues[0]!.message).toBe('Write a comment');
  });
});
