/** The person's My Life plan: sections and goals in their words, who may write what, versions and what changed, progress, review and agreement. */
export * from './sections.js';
export * from './content.js';
export * from './draft.js';
export * from './locks.js';
export * from './edit.js';
export * from './diff.js';
export * from './versions.js';
export * from './progress.js';
export * from './review.js';
export * from './agreement.js';
export * from './printable.js';
