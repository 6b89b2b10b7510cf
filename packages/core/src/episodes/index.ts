/** Named coordinators' support episodes, contacts and visits, the caseload and the shared timeline. */
export * from './episode.js';
export * from './episode-changes.js';
export * from './episode-week.js';
export * from './contacts.js';
export * from './first-visit.js';
export * from './wellbeing.js';
export * from './caseload.js';
export * from './timeline.js';
