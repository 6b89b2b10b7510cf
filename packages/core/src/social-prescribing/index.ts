/** Social prescribing: signposts and referrals to community services, their states and words. */
export * from './states.js';
export * from './schemas.js';
