/** Case-finding: long-term condition code lists, referral rules, their evaluation with reasons, and the ranking score. */
export * from './code-lists.js';
export * from './conditions.js';
export * from './rule.js';
export * from './hospital-use.js';
export * from './score.js';
export * from './evaluate.js';
