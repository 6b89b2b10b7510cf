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
