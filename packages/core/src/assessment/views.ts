/** What the server answers about the trusted assessment, for the web app and the API's schema. */
import { z } from 'zod';
import { instrumentSubmissionSchema, type InstrumentResult } from './instruments/index.js';
import { assessmentContentSchema } from './trusted-assessment.js';

const savedSchema = z.object({ by: z.string(), organisationName: z.string().nullable(), at: z.string() });

export const assessmentViewSchema = z.object({
  personId: z.string(),
  /** 0 before anything is recorded; a save names the version it was based on. */
  version: z.int(),
  lastSaved: savedSchema.nullable(),
  content: assessmentContentSchema,
  progress: z.array(z.object({ section: z.string(), answered: z.int(), of: z.int() })),
  /** Facts the record already holds, shown rather than asked again. */
  held: z.object({
    conditions: z.array(z.object({ display: z.string().nullable(), code: z.string(), onsetDate: z.string().nullable() })),
    /** Current medicines from the GP record: active, intended or on hold, not ended. */
    medicines: z.array(z.object({ display: z.string().nullable(), code: z.string(), dosage: z.string().nullable(), startDate: z.string().nullable() })),
    hospitalStays: z.array(z.object({ startDate: z.string(), endDate: z.string().nullable(), emergency: z.boolean() })),
    contacts: z.array(z.object({ name: z.string(), relationship: z.string(), role: z.string() })),
  }),
});
export type AssessmentView = z.infer<typeof assessmentViewSchema>;

const versionSummary = {
  version: z.int(),
  sectionsChanged: z.array(z.string()),
  recordedById: z.string(),
  recordedByName: z.string(),
  organisationName: z.string().nullable(),
  recordedAt: z.string(),
};

export const assessmentHistorySchema = z.object({ versions: z.array(z.object(versionSummary)) });
export type AssessmentHistory = z.infer<typeof assessmentHistorySchema>;

export const assessmentVersionSchema = z.object({ ...versionSummary, content: assessmentContentSchema });
export type AssessmentVersion = z.infer<typeof assessmentVersionSchema>;

/** A standard instrument completed with the person; at an episode's start or end when it measures the episode. */
export const instrumentRecordSchema = z.strictObject({
  instrument: instrumentSubmissionSchema.shape.instrument,
  answers: z.unknown(),
  episodeId: z.uuid('Must be a support episode id').optional(),
  moment: z.enum(['start', 'end'], 'Must be start or end').optional(),
});
export type InstrumentRecord = z.infer<typeof instrumentRecordSchema>;

export const instrumentResultViewSchema = z.object({
  id: z.string(),
  instrument: z.string(),
  title: z.string(),
  answers: z.unknown(),
  result: z.unknown(),
  score: z.number().nullable(),
  episodeId: z.string().nullable(),
  moment: z.string().nullable(),
  recordedByName: z.string(),
  organisationName: z.string().nullable(),
  recordedAt: z.string(),
});
export type InstrumentResultView = z.infer<typeof instrumentResultViewSchema> & { result: InstrumentResult };

export const instrumentResultsSchema = z.object({ results: z.array(instrumentResultViewSchema) });
