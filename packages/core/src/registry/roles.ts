/** Staff roles, each held within an organisation (security.md, "Roles"). */
export const STAFF_ROLES = [
  'gp',
  'nurse',
  'pharmacist',
  'therapist',
  'mental_health',
  'social_worker',
  'coordinator',
  'independent_living',
  'volunteer',
  'network_lead',
  'commissioner',
  'analyst',
  'privacy_officer',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  gp: 'GP',
  nurse: 'Community nurse',
  pharmacist: 'Pharmacist',
  therapist: 'Therapist',
  mental_health: 'Mental health practitioner',
  social_worker: 'Social worker',
  coordinator: 'Personal independence coordinator',
  independent_living: 'Independent living team',
  volunteer: 'Point of access volunteer',
  network_lead: 'Network lead',
  commissioner: 'Commissioner',
  analyst: 'Analyst',
  privacy_officer: 'Privacy officer',
  admin: 'Administrator',
};

/** Partner organisation types in an integrated care alliance (model-of-care.md). */
export const ORGANISATION_TYPES = [
  'nhs_trust',
  'mental_health_trust',
  'commissioner',
  'council',
  'gp_collaborative',
  'gp_practice',
  'voluntary',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Who a contact is to the person; relationship text adds the detail ("daughter"). */
export const CONTACT_ROLES = ['carer', 'family', 'next_of_kin', 'friend', 'neighbour', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** FHIR AdministrativeGender, as the GP record holds it. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
