/** The synthetic borough: a deterministic, pure generator of demo and benchmark data. */
export * from './borough.js';
export * from './conditions.js';
export * from './people.js';
export * from './rows.js';
export { AGE_BANDS, ageBandIndex, MAX_AGE } from './population.js';
export { SYNTHETIC_NHS_NUMBER_CAPACITY, syntheticNhsNumber, nhsNumbering, type NhsNumbering } from './nhs-numbers.js';
export { BOROUGH_NAME, type PartnerKey } from './organisations.js';
export { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_SIGN_INS, demoEmail, type DemoAccount } from './staff.js';
export { HISTORY_DAYS } from './hospital-activity.js';
export * from './directory.js';
