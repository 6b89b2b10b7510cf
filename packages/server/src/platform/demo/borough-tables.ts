/**
 * How each row of the synthetic borough maps onto its table's columns (schema.ts). Columns with
 * database defaults (created_at, version) are left to the database.
 */
import {
  SYNTH_SOURCE_SYSTEM,
  type ConditionRow,
  type ContactRow,
  type EncounterRow,
  type NetworkRow,
  type OrganisationRow,
  type PersonRow,
  type PracticeRow,
  type StaffRoleRow,
  type StaffRow,
  type TeamMemberRow,
  type TeamRow,
} from '@kith/core';
import { booleanColumn, dateColumn, integerColumn, textColumn, uuidColumn, type TableOf } from './bulk-insert.js';

export const organisationTable: TableOf<OrganisationRow> = {
  table: 'organisation',
  columns: [
    uuidColumn('id', (r) => r.id),
    textColumn('name', (r) => r.name),
    textColumn('type', (r) => r.type),
    textColumn('ods_code', (r) => r.odsCode),
  ],
};

export const networkTable: TableOf<NetworkRow> = {
  table: 'network',
  columns: [uuidColumn('id', (r) => r.id), textColumn('name', (r) => r.name)],
};

export const practiceTable: TableOf<PracticeRow> = {
  table: 'practice',
  columns: [
    uuidColumn('id', (r) => r.id),
    uuidColumn('network_id', (r) => r.networkId),
    textColumn('address_line1', (r) => r.addressLine1),
    textColumn('address_line2', (r) => r.addressLine2),
    textColumn('town', (r) => r.town),
    textColumn('postcode', (r) => r.postcode),
    textColumn('phone', (r) => r.phone),
  ],
};

export const teamTable: TableOf<TeamRow> = {
  table: 'team',
  columns: [
    uuidColumn('id', (r) => r.id),
    textColumn('name', (r) => r.name),
    uuidColumn('organisation_id', (r) => r.organisationId),
    uuidColumn('network_id', (r) => r.networkId),
  ],
};

/** Every synthetic account shares the demo password, hashed once. */
export function staffTable(passwordHash: string): TableOf<StaffRow> {
  return {
    table: 'staff',
    columns: [uuidColumn('id', (r) => r.id), textColumn('email', (r) => r.email), textColumn('name', (r) => r.name), textColumn('phone', (r) => r.phone ?? null)],
    constants: { password_hash: passwordHash },
  };
}

export const staffRoleTable: TableOf<StaffRoleRow> = {
  table: 'staff_role',
  columns: [
    uuidColumn('staff_id', (r) => r.staffId),
    uuidColumn('organisation_id', (r) => r.organisationId),
    textColumn('role', (r) => r.role),
  ],
};

export const teamMemberTable: TableOf<TeamMemberRow> = {
  table: 'team_member',
  columns: [uuidColumn('team_id', (r) => r.teamId), uuidColumn('staff_id', (r) => r.staffId)],
};

export const personTable: TableOf<PersonRow> = {
  table: 'person',
  columns: [
    uuidColumn('id', (r) => r.id),
    textColumn('nhs_number', (r) => r.nhsNumber),
    textColumn('given_name', (r) => r.givenName),
    textColumn('family_name', (r) => r.familyName),
    textColumn('preferred_name', (r) => r.preferredName),
    dateColumn('date_of_birth', (r) => r.dateOfBirth),
    textColumn('sex', (r) => r.sex),
    textColumn('gender_identity', (r) => r.genderIdentity),
    textColumn('address_line1', (r) => r.addressLine1),
    textColumn('address_line2', (r) => r.addressLine2),
    textColumn('town', (r) => r.town),
    textColumn('postcode', (r) => r.postcode),
    textColumn('phone', (r) => r.phone),
    textColumn('email', (r) => r.email),
    uuidColumn('registered_practice_id', (r) => r.registeredPracticeId),
    textColumn('communication_needs', (r) => r.communicationNeeds),
    textColumn('interpreter_language', (r) => r.interpreterLanguage),
  ],
};

export const contactTable: TableOf<ContactRow> = {
  table: 'person_contact',
  columns: [
    uuidColumn('id', (r) => r.id),
    uuidColumn('person_id', (r) => r.personId),
    textColumn('name', (r) => r.name),
    textColumn('role', (r) => r.role),
    textColumn('relationship', (r) => r.relationship),
    textColumn('phone', (r) => r.phone),
    textColumn('email', (r) => r.email),
    booleanColumn('is_next_of_kin', (r) => r.isNextOfKin),
    booleanColumn('may_see_plan', (r) => r.maySeePlan),
    integerColumn('position', (r) => r.position),
  ],
};

export const conditionTable: TableOf<ConditionRow> = {
  table: 'condition',
  columns: [
    uuidColumn('id', (r) => r.id),
    uuidColumn('person_id', (r) => r.personId),
    textColumn('code', (r) => r.code),
    textColumn('display', (r) => r.display),
    dateColumn('onset_date', (r) => r.onsetDate),
    textColumn('source_id', (r) => r.sourceId),
  ],
  constants: { code_system: 'snomed', source_system: SYNTH_SOURCE_SYSTEM },
};

export const encounterTable: TableOf<EncounterRow> = {
  table: 'encounter',
  columns: [
    uuidColumn('id', (r) => r.id),
    uuidColumn('person_id', (r) => r.personId),
    textColumn('class', (r) => r.class),
    textColumn('admission_method', (r) => r.admissionMethod),
    dateColumn('start_date', (r) => r.startDate),
    dateColumn('end_date', (r) => r.endDate),
    textColumn('source_id', (r) => r.sourceId),
  ],
  constants: { source_system: SYNTH_SOURCE_SYSTEM },
};
