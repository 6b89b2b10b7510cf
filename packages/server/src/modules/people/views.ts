/** What the people routes answer about one person, as zod schemas. */
import { personSchema } from '@kith/core';
import { z } from 'zod';

const practiceView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    odsCode: z.string().nullable(),
    addressLine1: z.string(),
    addressLine2: z.string().nullable(),
    town: z.string(),
    postcode: z.string(),
    phone: z.string().nullable(),
    network: z.object({ id: z.uuid(), name: z.string() }),
  })
  .nullable();
const recordAccess = z.object({
  basis: z.string().nullable(),
  breakGlass: z.object({ reason: z.string(), expiresAt: z.string() }).nullable(),
});
/** The one person the record's owner deals with, shown on every page of the record with how to reach them. */
const namedCoordinator = z
  .object({ staffId: z.uuid(), name: z.string(), email: z.string(), phone: z.string().nullable(), organisationName: z.string() })
  .nullable();
/** A person's record as the routes answer it: serialised through this, so nothing outside it leaves. */
export const personRecordSchema = personSchema.extend({ practice: practiceView, namedCoordinator, access: recordAccess });
