/** Points of access: enquiries logged by volunteers, what came of them, and their statistics. */
export * from './words.js';
export * from './schemas.js';
export * from './outcomes.js';
