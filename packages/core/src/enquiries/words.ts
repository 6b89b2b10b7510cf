/**
 * Points of access: volunteers at a library desk, a community centre or on a phone line give
 * impartial advice and refer on council, medical, financial and social issues. Each enquiry is
 * logged in under a minute, so the words are few and most of the form is optional.
 */

/** How the enquiry reached the point of access. */
export const ENQUIRY_CHANNELS = ['walk_in', 'phone'] as const;
export type EnquiryChannel = (typeof ENQUIRY_CHANNELS)[number];

export const ENQUIRY_CHANNEL_LABELS: Readonly<Record<EnquiryChannel, string>> = {
  walk_in: 'Walk-in',
  phone: 'Phone',
};

/** What the enquiry was about; one enquiry may be about several. */
export const ENQUIRY_TOPICS = ['council', 'housing', 'benefits_money', 'health', 'social_loneliness', 'carers', 'other'] as const;
export type EnquiryTopic = (typeof ENQUIRY_TOPICS)[number];

export const ENQUIRY_TOPIC_LABELS: Readonly<Record<EnquiryTopic, string>> = {
  council: 'Council services',
  housing: 'Housing',
  benefits_money: 'Benefits and money',
  health: 'Health',
  social_loneliness: 'Social contact and loneliness',
  carers: 'Carers',
  other: 'Something else',
};

/**
 * What came of an enquiry, derived from what was logged (never entered): for the network
 * lead's statistics. One enquiry may have several.
 */
export const ENQUIRY_OUTCOMES = ['advice_only', 'signposted', 'referred', 'safeguarding'] as const;
export type EnquiryOutcome = (typeof ENQUIRY_OUTCOMES)[number];

export const ENQUIRY_OUTCOME_LABELS: Readonly<Record<EnquiryOutcome, string>> = {
  advice_only: 'Advice only',
  signposted: 'Signposted to a service',
  referred: 'Referred to a service',
  safeguarding: 'Safeguarding concern raised',
};
