/** Emergency access as the staff member asks for it and as the privacy officer reviews it. */
import { z } from 'zod';
import { BREAK_GLASS_REASON_MAX_LENGTH } from '../access/break-glass.js';

export const breakGlassRequestSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, 'Give a reason for emergency access')
    .max(BREAK_GLASS_REASON_MAX_LENGTH, `Keep the reason to ${BREAK_GLASS_REASON_MAX_LENGTH} characters or fewer`),
});

export const BREAK_GLASS_REVIEW_OUTCOMES = ['appropriate', 'inappropriate', 'needs_follow_up'] as const;
export type BreakGlassReviewOutcome = (typeof BREAK_GLASS_REVIEW_OUTCOMES)[number];

export const BREAK_GLASS_REVIEW_OUTCOME_LABELS: Readonly<Record<BreakGlassReviewOutcome, string>> = {
  appropriate: 'Appropriate',
  inappropriate: 'Not appropriate',
  needs_follow_up: 'Needs follow-up',
};

export const breakGlassReviewSchema = z.strictObject({
  outcome: z.enum(BREAK_GLASS_REVIEW_OUTCOMES, 'Choose an outcome'),
  note: z.string().trim().max(2000, 'Keep the note to 2,000 characters or fewer').optional(),
});
export type BreakGlassReview = z.infer<typeof breakGlassReviewSchema>;

export const breakGlassGrantViewSchema = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), name: z.string(), nhsNumber: z.string() }),
  staff: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  role: z.string(),
  organisationName: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  /** Audit events under this grant: how much of the record was opened. */
  uses: z.int(),
  review: z
    .object({ outcome: z.enum(BREAK_GLASS_REVIEW_OUTCOMES), note: z.string().nullable(), reviewedAt: z.string(), reviewedBy: z.string() })
    .nullable(),
});
export type BreakGlassGrantView = z.infer<typeof breakGlassGrantViewSchema>;
