/** Standard assessment instruments: their definitions for forms, and pure scoring with sources (docs/instruments.md). */
export * from './types.js';
export * from './catalogue.js';
export * from './swemwbs.js';
export * from './loneliness.js';
export * from './ons4.js';
export * from './barthel.js';
export * from './phq.js';
export * from './cfs.js';
export * from './efi.js';
