/**
 * What a volunteer sends to log an enquiry at a point of access. Only the point of access, the
 * channel and the topics are required; the parser throws one 400 naming every field at fault,
 * cross-field rules included.
 *
 * An enquiry is anonymous unless the person agrees to it being linked to their record. A
 * referral on shares the person's details with the service, so it needs their consent. A
 * safeguarding concern is escalated to the named safeguarding lead as a task.
 */
import { z } from 'zod';
import { parseOrThrow } from '../input.js';
import { CONSENT_METHODS } from '../record/consent.js';
import { ENQUIRY_CHANNELS, ENQUIRY_TOPICS } from './words.js';

export const ENQUIRY_MAX_SIGNPOSTS = 10;

const CHOOSE_A_TOPIC = 'Choose at least one topic';
const CHOOSE_A_SERVICE = 'Choose a service from the directory';
const SAY_HOW = 'Choose how it was given: verbal, written or portal';
const DESCRIBE_THE_CONCERN = 'Describe the concern';
const SAY_WHAT_ABOUT = 'Say what the enquiry was about';
const REFERRAL_NEEDS_CONSENT = 'A referral shares the person’s details: record their consent first';
const LINK_NEEDS_CONSENT = 'An enquiry is linked to a person only with their consent';

/** Optional words: trimmed, and left out when blank, so an untouched box sends nothing. */
const words = (max: number, tooLong: string) =>
  z
    .string('Must be text')
    .trim()
    .max(max, tooLong)
    .transform((text) => (text === '' ? undefined : text))
    .optional();

/** Runs a cross-field rule only when the fields it reads are themselves valid. */
const whenValid = (fields: readonly string[]) => ({
  when: (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
});

/** A length check that reads only an array: zod would otherwise measure a string sent instead. */
const ofAnArray = (message: string) => ({ message, when: (payload: { value: unknown }) => Array.isArray(payload.value) });

/** Adds 'Each … once' at the index of every repeat after the first. */
const eachOnce =
  (message: string) =>
  (items: readonly unknown[], ctx: z.RefinementCtx): void => {
    items.forEach((item, index) => {
      if (items.indexOf(item) < index) ctx.addIssue({ code: 'custom', path: [index], message });
    });
  };

const consentHow = z.enum(CONSENT_METHODS, SAY_HOW);

export const enquiryReferralSchema = z.strictObject(
  {
    serviceId: z.uuid(CHOOSE_A_SERVICE),
    consent: z.strictObject(
      {
        given: z.boolean('Say whether the person gave consent'),
        how: consentHow,
      },
      'Say whether the person gave consent',
    ),
  },
  'Say which service the person is referred to',
);

export const enquiryPersonSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('anonymous') }),
    z.strictObject({
      kind: z.literal('linked'),
      personId: z.uuid('Choose the person'),
      consent: z.strictObject({ given: z.literal(true, LINK_NEEDS_CONSENT), how: consentHow }, LINK_NEEDS_CONSENT),
    }),
  ],
  'Say whether the enquiry is anonymous or linked to a person',
);
export type EnquiryPerson = z.output<typeof enquiryPersonSchema>;

export const enquirySchema = z
  .strictObject({
    /** The point of access (a team) where the enquiry was made. */
    pointOfAccessId: z.uuid('Choose the point of access'),
    channel: z.enum(ENQUIRY_CHANNELS, 'Choose walk-in or phone'),
    topics: z
      .array(z.enum(ENQUIRY_TOPICS, 'Choose a topic from the list'), CHOOSE_A_TOPIC)
      .min(1, ofAnArray(CHOOSE_A_TOPIC))
      .superRefine(eachOnce('Each topic once')),
    /** With 'other' among the topics, what the enquiry was about. */
    otherTopic: words(200, 'Keep what it was about to 200 characters or fewer'),
    adviceGiven: words(2000, 'Keep the advice to 2,000 characters or fewer'),
    /** Services in the directory the person was told about; they get in touch themselves. */
    signpostedTo: z
      .array(z.uuid(CHOOSE_A_SERVICE), 'Choose services from the directory')
      .max(ENQUIRY_MAX_SIGNPOSTS, ofAnArray(`Signpost to at most ${ENQUIRY_MAX_SIGNPOSTS} services`))
      .superRefine(eachOnce('Each service once'))
      .default([]),
    /** A service the person's details are sent to, with their consent. */
    referredTo: enquiryReferralSchema.optional(),
    safeguardingConcern: z
      .strictObject(
        { concern: z.string(DESCRIBE_THE_CONCERN).trim().min(1, DESCRIBE_THE_CONCERN).max(2000, 'Keep the concern to 2,000 characters or fewer') },
        DESCRIBE_THE_CONCERN,
      )
      .optional(),
    person: enquiryPersonSchema.default({ kind: 'anonymous' }),
  })
  .superRefine(
    (enquiry, ctx) => {
      if (enquiry.referredTo && enquiry.referredTo.consent.given !== true) {
        ctx.addIssue({ code: 'custom', path: ['referredTo', 'consent', 'given'], message: REFERRAL_NEEDS_CONSENT });
      }
    },
    whenValid(['referredTo']),
  )
  .superRefine(
    (enquiry, ctx) => {
      const aboutOther = enquiry.topics.includes('other');
      if (aboutOther && enquiry.otherTopic === undefined) {
        ctx.addIssue({ code: 'custom', path: ['otherTopic'], message: SAY_WHAT_ABOUT });
      }
      if (!aboutOther && enquiry.otherTopic !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['otherTopic'], message: 'Only say what it was about when the topic is something else' });
      }
    },
    whenValid(['topics', 'otherTopic']),
  );
export type EnquiryInput = z.output<typeof enquirySchema>;

/** A new enquiry, or one 400 naming every field at fault. */
export function parseEnquiry(input: unknown): EnquiryInput {
  return parseOrThrow(enquirySchema, input);
}
