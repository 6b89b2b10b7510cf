/**
 * Changing a listing in Kith: the facts a person checks by phoning the service (what it is, how to
 * contact it, who it is for) and Kith's own knowledge of it (whether it is taking people now, how
 * to refer, and that someone has just checked it). Each edit is made at the version read. Staff
 * of the organisation that runs the service, and those who look after the directory, change it
 * straight away; anyone else's edit waits for review, so a directory everyone may correct is not
 * one anyone may spoil.
 */
import { z } from 'zod';
import { type FieldProblem } from '../errors.js';
import { parseOrThrow } from '../input.js';
import { SERVICE_CAPACITIES, REFERRAL_MODES } from './oruk/kith-extensions.js';
import type { DirectoryService } from './oruk/model.js';

const text = (max: number, what: string) => z.string(`Give ${what} as text`).trim().min(1, `Give ${what}`).max(max, `At most ${max} characters`);
const optionalText = (max: number, what: string) =>
  z
    .string(`Give ${what} as text`)
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((v) => v || null)
    .nullable()
    .optional();
const age = z.int('Give an age in whole years').min(0, 'Give an age from 0').max(120, 'Give an age up to 120').nullable().optional();

/** The listing's own facts, as the service page shows them; a field left out is left as it is. */
export const listingDetailsSchema = z.strictObject({
  name: text(200, 'the name').optional(),
  description: optionalText(4000, 'a description'),
  email: z.email('Must be an email address, like name@example.org').nullable().optional(),
  website: z
    .url({ protocol: /^https?$/, message: 'Must be a web address starting https:// or http://' })
    .nullable()
    .optional(),
  phone: optionalText(40, 'a phone number'),
  minimumAge: age,
  maximumAge: age,
  eligibility: optionalText(1000, 'who it is for'),
});
export type ListingDetails = z.infer<typeof listingDetailsSchema>;

export const listingEditSchema = z
  .strictObject({
    /** The version read: an edit on an older one is refused, 409. */
    version: z.int('Give the version you read').min(1, 'Give the version you read'),
    details: listingDetailsSchema.optional(),
    capacity: z.strictObject({ state: z.enum(SERVICE_CAPACITIES, 'Must be taking_referrals, waiting_list or full') }).optional(),
    referralMode: z
      .strictObject({
        mode: z.enum(REFERRAL_MODES, 'Must be signpost_only or direct_referral'),
        how: optionalText(1000, 'how to refer'),
      })
      .optional(),
    /** "I have checked this listing today". */
    verified: z.literal(true, 'Only true: say the listing was checked').optional(),
  })
  .superRefine((edit, ctx) => {
    for (const p of editProblems(edit)) ctx.addIssue({ code: 'custom', path: p.field.split('.'), message: p.reason });
  });
export type ListingEdit = z.infer<typeof listingEditSchema>;

function editProblems(edit: z.infer<typeof listingEditSchema>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { details, referralMode } = edit;
  if (!details && !edit.capacity && !referralMode && !edit.verified) problems.push({ field: 'body', reason: 'Say what to change' });
  if (details?.minimumAge != null && details.maximumAge != null && details.maximumAge < details.minimumAge) {
    problems.push({ field: 'details.maximumAge', reason: 'Must be the same as or more than the youngest age' });
  }
  if (referralMode?.mode === 'direct_referral' && !referralMode.how) problems.push({ field: 'referralMode.how', reason: 'Say how to refer: an email address, a phone number or a form' });
  return problems;
}

export function parseListingEdit(input: unknown): ListingEdit {
  return parseOrThrow(listingEditSchema, input);
}

/** Sets or clears an optional field of the document: null or an empty value removes it, as ORUK asks. */
function set<K extends keyof DirectoryService>(service: DirectoryService, key: K, value: DirectoryService[K] | null | undefined): DirectoryService {
  if (value === undefined) return service;
  const next = { ...service };
  if (value === null) delete next[key];
  else next[key] = value;
  return next;
}

/** The service's document with the edit's details applied; what the edit leaves out is unchanged. */
export function applyListingDetails(service: DirectoryService, details: ListingDetails | undefined): DirectoryService {
  if (!details) return service;
  let next = set(service, 'name', details.name);
  next = set(next, 'description', details.description);
  next = set(next, 'email', details.email);
  next = set(next, 'url', details.website);
  next = set(next, 'minimum_age', details.minimumAge);
  next = set(next, 'maximum_age', details.maximumAge);
  next = set(next, 'eligibility_description', details.eligibility);
  if (details.phone !== undefined) {
    const others = next.phones.slice(1);
    next = { ...next, phones: details.phone === null ? others : [{ ...(next.phones[0] ?? { id: `${service.id}-phone` }), number: details.phone }, ...others] };
  }
  return next;
}
