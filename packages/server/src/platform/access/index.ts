/** The access gate: the one way person data is read or written (security.md). */
export { AccessGate, withAccess, type AccessContext, type GateDecision } from './gate.js';
export { accessContext, accessGuard } from './http.js';
export { accessFactsOfPeople, personAccessFacts, consentOfPeople, type PersonAccessFacts } from './facts.js';
