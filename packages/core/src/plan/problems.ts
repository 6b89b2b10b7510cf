/**
 * The plan's errors: one DomainError naming every problem, each field by its dotted path
 * (`goals.1.inMyWords.text`), the way the server's problem+json names them.
 */
import { DomainError, type DomainErrorCode, type FieldProblem } from '../errors.js';

/** One error naming every problem: 400 for bad input, 403 for a lock, 409 for a stale save. */
export function planError(code: DomainErrorCode, problems: FieldProblem[], extra: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems, extra);
}

export { fieldProblemsOf, parseOrThrow } from '../input.js';
