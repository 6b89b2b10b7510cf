/**
 * Zod problems as the field problems of a DomainError, each named by its dotted path
 * (`goals.1.inMyWords.text`), the way the server's problem+json names them, so a rule checked
 * here reads to the client exactly like one checked at the edge.
 */
import type { z } from 'zod';
import { DomainError, type DomainErrorCode, type FieldProblem } from '../errors.js';

export function fieldProblemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, reason: 'Unknown field' }));
    }
    return [{ field: path || 'body', reason: issue.message }];
  });
}

/** One error naming every problem: 400 for bad input, 403 for a lock, 409 for a stale save. */
export function planError(code: DomainErrorCode, problems: FieldProblem[], extra: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems, extra);
}

/** Parses with the schema or throws one 400 naming every field at fault. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw planError('invalid', fieldProblemsOf(parsed.error));
  return parsed.data;
}
