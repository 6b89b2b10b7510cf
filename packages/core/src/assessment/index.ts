/** The one trusted assessment and the standard instruments it uses. */
export * from './sections.js';
export * from './trusted-assessment.js';
export * from './views.js';
export * from './instruments/index.js';
