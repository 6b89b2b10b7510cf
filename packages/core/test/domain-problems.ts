/** For core's tests: the field problems a refused call names, or undefined when it was not refused. */
import { DomainError, type FieldProblem } from '../src/errors.js';

export function problemsOf(run: () => unknown): FieldProblem[] | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.problems;
    throw error;
  }
  return undefined;
}

/** The first problem named, for a refusal about one field. */
export const problemOf = (run: () => unknown): FieldProblem | undefined => problemsOf(run)?.[0];

/** The DomainError a call threw; anything else thrown is thrown on, and nothing thrown fails the test. */
export function caught(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('did not throw');
}
