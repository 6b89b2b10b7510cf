/**
 * Entries in the shared record: notes written by one member of staff for their organisation.
 * One in a restricted category shows only to the roles named on it and its author; others see
 * that a restricted entry exists, and nothing of what it says.
 */
import { z } from 'zod';
import { RESTRICTED_CATEGORIES } from '../access/types.js';
import { STAFF_ROLES } from '../registry/roles.js';

export const recordEntryInputSchema = z.strictObject({
  title: z.string().trim().min(1, 'Give the entry a title').max(200, 'Keep the title to 200 characters or fewer'),
  body: z.string().trim().min(1, 'Write the entry').max(20_000, 'Keep the entry to 20,000 characters or fewer'),
  restrictedCategory: z.enum(RESTRICTED_CATEGORIES, 'Choose a restricted category from the list').nullable().default(null),
});
export type RecordEntryInput = z.infer<typeof recordEntryInputSchema>;

const author = z.object({
  staffId: z.uuid(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  organisationId: z.uuid(),
  organisationName: z.string(),
});

/** An entry as a reader sees it: the whole entry, or only the marker that a restricted one exists. */
export const recordEntryViewSchema = z.discriminatedUnion('shown', [
  z.object({
    shown: z.literal('content'),
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    restrictedCategory: z.enum(RESTRICTED_CATEGORIES).nullable(),
    author,
    writtenAt: z.string(),
  }),
  z.object({
    shown: z.literal('restricted_marker'),
    id: z.uuid(),
    restrictedCategory: z.enum(RESTRICTED_CATEGORIES),
    /** Who may see it, in plain words: "GP, Social worker, Community nurse and Mental health practitioner". */
    visibleTo: z.string(),
    writtenAt: z.string(),
  }),
]);
export type RecordEntryView = z.infer<typeof recordEntryViewSchema>;

export const recordEntriesSchema = z.object({
  entries: z.array(recordEntryViewSchema),
  /** Entries other organisations wrote that are not shared without the person's consent. */
  notSharedCount: z.int(),
});
