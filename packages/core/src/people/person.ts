/**
 * A person (resident) in the registry, as the API and the web app exchange them. The schemas
 * check each field's own shape; rules that need today's date (a birth date in the future) are
 * in personRules.ts, since core reads no clock.
 */
import { z } from 'zod';
import { CONTACT_ROLES, SEXES } from '../registry/roles.js';
import { EARLIEST_DATE_OF_BIRTH, isIsoDate } from './dates.js';
import { NHS_NUMBER_PROBLEM_TEXT, nhsNumberProblem, normaliseNhsNumber } from './nhs-number.js';
import { normalisePostcode } from './postcode.js';

export const nhsNumberSchema = z
  .string()
  .superRefine((value, ctx) => {
    const problem = nhsNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: NHS_NUMBER_PROBLEM_TEXT[problem] });
  })
  .transform(normaliseNhsNumber);

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Must be a real date written as YYYY-MM-DD' });

export const dateOfBirthSchema = isoDateSchema.refine((d) => d >= EARLIEST_DATE_OF_BIRTH, {
  message: `A date of birth cannot be before ${EARLIEST_DATE_OF_BIRTH}`,
});

export const postcodeSchema = z.string().transform((value, ctx) => {
  const postcode = normalisePostcode(value);
  if (!postcode) {
    ctx.addIssue({ code: 'custom', message: 'Must be a UK postcode, like CR0 1AB' });
    return z.NEVER;
  }
  return postcode;
});

const name = z.string().trim().min(1, 'Cannot be empty').max(100, 'At most 100 characters');
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).nullish();
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'Must be a telephone number of digits, spaces and brackets')
  .nullish();
const email = z.email('Must be an email address').max(254).nullish();

export const contactInputSchema = z.strictObject({
  name,
  role: z.enum(CONTACT_ROLES),
  relationship: z.string().trim().min(1, 'Cannot be empty').max(60),
  phone,
  email,
  isNextOfKin: z.boolean().default(false),
  maySeePlan: z.boolean().default(false),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

const personFields = {
  nhsNumber: nhsNumberSchema,
  givenName: name,
  familyName: name,
  preferredName: optionalText(100),
  dateOfBirth: dateOfBirthSchema,
  sex: z.enum(SEXES),
  genderIdentity: optionalText(100),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  town: optionalText(100),
  postcode: postcodeSchema.nullish(),
  phone,
  email,
  registeredPracticeId: z.uuid('Must be a practice id').nullish(),
  communicationNeeds: optionalText(1000),
  interpreterLanguage: optionalText(60),
  contacts: z.array(contactInputSchema).max(20, 'At most 20 contacts'),
};

export const personCreateSchema = z.strictObject({
  ...personFields,
  contacts: personFields.contacts.default([]),
});
export type PersonCreate = z.infer<typeof personCreateSchema>;

/**
 * An update sends only the fields that change (contacts, when sent, replace the list) and names
 * the version it was read at: a stale version is a conflict, never an overwrite.
 */
export const personUpdateSchema = z
  .strictObject(personFields)
  .partial()
  .extend({ version: z.int('Must be the version you read').positive() });
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const contactSchema = contactInputSchema.extend({ id: z.uuid() });
export type Contact = z.infer<typeof contactSchema>;

export const personSchema = z.object({
  id: z.uuid(),
  nhsNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  sex: z.enum(SEXES),
  genderIdentity: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  registeredPracticeId: z.uuid().nullable(),
  communicationNeeds: z.string().nullable(),
  interpreterLanguage: z.string().nullable(),
  contacts: z.array(contactSchema),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;
