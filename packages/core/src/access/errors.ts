import { DomainError } from '../errors.js';
import type { AccessDecision } from './types.js';

/** The DomainError (403) for a refused decision, carrying its reason in plain words and its code. */
export function forbiddenError(decision: AccessDecision): DomainError {
  return new DomainError('forbidden', decision.reason, [], { accessCode: decision.code });
}
