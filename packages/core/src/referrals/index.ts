/** Referrals to a network, their states and target times. */
export * from './referral.js';
export * from './working-days.js';
