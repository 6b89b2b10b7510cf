/**
 * Consent (security.md, "Consent"): to share across the alliance, to be contacted by voluntary
 * organisations, and the national data opt-out. Each is recorded with who, when and how; the
 * newest record of each kind is the current state, and withdrawing is a record like any other.
 */
import { z } from 'zod';

export const CONSENT_KINDS = ['alliance_sharing', 'voluntary_sector_contact', 'national_data_opt_out', 'mdt_objection'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_METHODS = ['verbal', 'written', 'portal'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** For the opt-out and the MDT objection, `given` means the person has registered it. */
export const CONSENT_DECISIONS = ['given', 'withdrawn'] as const;

export const CONSENT_KIND_LABELS: Readonly<Record<ConsentKind, string>> = {
  alliance_sharing: 'Share their record across the alliance',
  voluntary_sector_contact: 'Be contacted by voluntary organisations',
  national_data_opt_out: 'National data opt-out (no research or planning use)',
  mdt_objection: 'Objects to being discussed at MDT huddles',
};

export const consentRecordInputSchema = z.strictObject({
  kind: z.enum(CONSENT_KINDS, 'Choose what the consent is for'),
  state: z.enum(CONSENT_DECISIONS, 'Choose given or withdrawn'),
  method: z.enum(CONSENT_METHODS, 'Choose how it was given: verbal, written or portal'),
  note: z.string().trim().max(500, 'Keep the note to 500 characters or fewer').optional(),
});
export type ConsentRecordInput = z.infer<typeof consentRecordInputSchema>;

export const consentRecordSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CONSENT_KINDS),
  state: z.enum(CONSENT_DECISIONS),
  method: z.enum(CONSENT_METHODS),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  recordedAt: z.string(),
  note: z.string().nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const consentOverviewSchema = z.object({
  allianceSharing: z.enum(['given', 'withdrawn', 'not_recorded']),
  voluntarySectorContact: z.enum(['given', 'withdrawn', 'not_recorded']),
  nationalDataOptOut: z.boolean(),
  mdtObjection: z.boolean(),
  history: z.array(consentRecordSchema),
});
export type ConsentOverview = z.infer<typeof consentOverviewSchema>;
