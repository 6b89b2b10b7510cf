/** The shared record around a person: care team, consent, record entries, emergency access. */
export * from './care-team.js';
export * from './consent.js';
export * from './entries.js';
export * from './break-glass-review.js';
