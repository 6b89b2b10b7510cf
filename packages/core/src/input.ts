/**
 * Zod problems as the field problems of a DomainError, named the way the server's problem+json
 * names them (a dotted path; an unknown member named itself), so a rule checked in a service
 * reads the same to the client as one checked at the edge. Shared by core's parsers, not
 * exported from core.
 */
import type { z } from 'zod';
import { DomainError, type FieldProblem } from './errors.js';

export function fieldProblemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, reason: 'Unknown field' }));
    }
    return [{ field: path || 'body', reason: issue.message }];
  });
}

/** One 400 naming every problem. */
export function invalidInput(problems: FieldProblem[]): DomainError {
  return new DomainError('invalid', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems);
}

/**
 * Parses with the schema, then adds the problems only known at run time (today's date, the
 * time now).
 * Throws one DomainError naming every field at fault.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  more: (value: z.output<S>) => FieldProblem[] = () => [],
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldProblemsOf(parsed.error));
  const problems = more(parsed.data);
  if (problems.length > 0) throw invalidInput(problems);
  return parsed.data;
}
