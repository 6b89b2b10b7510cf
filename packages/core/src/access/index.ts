/** The access policy: who may see what (security.md). */
export * from './types.js';
export * from './permissions.js';
export * from './restricted.js';
export * from './break-glass.js';
export * from './aggregates.js';
export * from './matrix.js';
export { decide } from './policy.js';
export { forbiddenError } from './errors.js';
export { RESOURCE_WORDS } from './reasons.js';
