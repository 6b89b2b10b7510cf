/**
 * The database's own guard on a closed meeting (migration 0009, `huddle_refuse_frozen`): a
 * write to a closed meeting's record that got past the service's check (the meeting closed in
 * between) is refused by a trigger. Its error is answered as the check would have been: a 409
 * naming the problem, never a 500.
 */
import { DomainError } from '@kith/core';

const FROZEN = 'its record is frozen';

interface DriverError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The trigger's refusal, wherever the driver or Drizzle put it. */
export function isFrozenRefusal(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const e = current as DriverError;
    if (e.code === '23000' && typeof e.message === 'string' && e.message.includes(FROZEN)) return true;
    current = e.cause;
  }
  return false;
}

export function frozenConflict(): DomainError {
  const reason = 'The meeting was closed and its record is frozen: add an addendum instead';
  return new DomainError('conflict', reason, [{ field: 'meetingId', reason }], { meetingState: 'closed' });
}

/** Runs the work; the trigger's refusal becomes the 409 the service's own check gives. */
export async function frozenAsConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isFrozenRefusal(error)) throw frozenConflict();
    throw error;
  }
}
