/**
 * Rows of the synthetic borough, one interface per table of the registry (field names as the
 * Drizzle schema spells its columns), so the server can insert them without translating.
 */
import type { ContactRole, OrganisationType, Sex, StaffRole } from '../registry/roles.js';

/** The source_system of every condition and encounter the generator makes. */
export const SYNTH_SOURCE_SYSTEM = 'kith-synth';

export interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationType;
  odsCode: string | null;
}

export interface NetworkRow {
  id: string;
  name: string;
}

export interface PracticeRow {
  id: string;
  networkId: string;
  addressLine1: string;
  addressLine2: string | null;
  town: string;
  postcode: string;
  phone: string | null;
}

export interface TeamRow {
  id: string;
  name: string;
  organisationId: string;
  networkId: string | null;
}

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  /** A work phone in Ofcom's range for drama (020 7946 0000 to 0999), so it never rings anyone. */
  phone?: string;
}

export interface StaffRoleRow {
  staffId: string;
  organisationId: string;
  role: StaffRole;
}

export interface TeamMemberRow {
  teamId: string;
  staffId: string;
}

export interface PersonRow {
  id: string;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sex: Sex;
  genderIdentity: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  phone: string | null;
  email: string | null;
  registeredPracticeId: string | null;
  communicationNeeds: string | null;
  interpreterLanguage: string | null;
}

export interface ContactRow {
  id: string;
  personId: string;
  name: string;
  role: ContactRole;
  relationship: string;
  phone: string | null;
  email: string | null;
  isNextOfKin: boolean;
  maySeePlan: boolean;
  position: number;
}

export interface ConditionRow {
  id: string;
  personId: string;
  codeSystem: 'snomed';
  code: string;
  display: string;
  onsetDate: string;
  sourceSystem: string;
  sourceId: string;
}

/** inpatient (an admission), emergency (an A&E attendance) or ambulatory (outpatients). */
export type EncounterClass = 'inpatient' | 'emergency' | 'ambulatory';

export interface EncounterRow {
  id: string;
  personId: string;
  class: EncounterClass;
  /** Hospital Episode Statistics admission method: 1x elective, 2x emergency; null if no admission. */
  admissionMethod: string | null;
  startDate: string;
  /** null while the person is still in hospital on the reference date. */
  endDate: string | null;
  sourceSystem: string;
  sourceId: string;
}
