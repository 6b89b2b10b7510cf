export * from './vector.js';
export * from './query.js';
export * from './match.js';
export * from './rank.js';
