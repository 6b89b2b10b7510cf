import { z } from 'zod';
import { isoDateSchema } from './person.js';

/**
 * Person search: any mix of NHS number, name, date of birth and postcode; all given must match.
 * A name of one word matches the start of a given or family name; two or more words match the
 * start of the given name (first word) and the family name (last word).
 */
export const personSearchSchema = z
  .strictObject({
    nhsNumber: z.string().trim().max(20).optional(),
    name: z.string().trim().min(2, 'Type at least 2 letters of the name').max(100).optional(),
    dateOfBirth: isoDateSchema.optional(),
    postcode: z.string().trim().min(2, 'Type at least 2 characters of the postcode').max(8).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => q.nhsNumber || q.name || q.dateOfBirth || q.postcode, {
    message: 'Search by at least one of NHS number, name, date of birth or postcode',
    path: ['name'],
  });
export type PersonSearch = z.infer<typeof personSearchSchema>;

export interface NameTerms {
  given?: string;
  family?: string;
  /** One word: matches the start of either name. */
  either?: string;
}

export function nameTerms(name: string): NameTerms {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 1) return { either: words[0]! };
  return { given: words[0]!, family: words[words.length - 1]! };
}

export const personSummarySchema = z.object({
  id: z.uuid(),
  nhsNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  sex: z.string(),
  postcode: z.string().nullable(),
  practiceName: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const personSearchResultSchema = z.object({
  items: z.array(personSummarySchema),
  page: z.int(),
  pageSize: z.int(),
  /** More matches follow; counting them all would cost more than a search should. */
  hasMore: z.boolean(),
});
export type PersonSearchResult = z.infer<typeof personSearchResultSchema>;
