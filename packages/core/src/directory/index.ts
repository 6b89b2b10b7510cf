/**
 * The directory of community services and activities: when a service runs (HSDS schedules), the
 * "when" and "near" filters of a search, how fresh a listing is, whether a service has room, and
 * the order results come in; with the Open Referral UK model, import and export.
 */
export * from './when.js';
export * from './schedule.js';
export * from './schedule-words.js';
export * from './geo.js';
export * from './freshness.js';
export * from './capacity.js';
export * from './search-query.js';
export * from './oruk/index.js';
export * from './listing-edit.js';
export * from './words/index.js';
export * from './search-engine.js';
export * from './listing-index.js';
