/** The audit log's words: the event, its canonical form for the hash chain, and plain-words summaries. */
export * from './event.js';
export * from './canonical.js';
export * from './looks.js';
