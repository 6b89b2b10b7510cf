/**
 * The person's care team: the staff who care for them, one of whom may be their named
 * coordinator (model of care: "one team, one plan and one person to talk to").
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../registry/roles.js';

export const careTeamAddSchema = z.strictObject({
  staffId: z.uuid('Choose a member of staff'),
  /** The organisation they work for on this team; their first role's organisation when left out. */
  organisationId: z.uuid('Must be an organisation id').optional(),
  responsibility: z.string().trim().max(200, 'Keep it to 200 characters or fewer').optional(),
  isNamedCoordinator: z.boolean().default(false),
});
export type CareTeamAdd = z.infer<typeof careTeamAddSchema>;

export const namedCoordinatorSchema = z.strictObject({ staffId: z.uuid('Choose a member of the care team') });

export const careTeamMemberSchema = z.object({
  staffId: z.uuid(),
  name: z.string(),
  email: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  responsibility: z.string().nullable(),
  isNamedCoordinator: z.boolean(),
  addedAt: z.string(),
});
export type CareTeamMember = z.infer<typeof careTeamMemberSchema>;
