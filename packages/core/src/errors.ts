/**
 * One error type for every rule the domain enforces. The server maps each code to one HTTP
 * status (RFC 9457 problem+json) and, later, to a FHIR OperationOutcome.
 */
export const DOMAIN_ERROR_CODES = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  too_large: 413,
  rate_limited: 429,
} as const;
export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

export interface FieldProblem {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** Extra members for the problem document, such as the id of an existing record. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static field(field: string, reason: string): DomainError {
    return new DomainError('invalid', `${field}: ${reason}`, [{ field, reason }]);
  }
}
