import type { ContactRole, Sex } from '@kith/core';

export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not known',
};

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  carer: 'Carer',
  family: 'Family member',
  next_of_kin: 'Next of kin',
  friend: 'Friend',
  neighbour: 'Neighbour',
  other: 'Other',
};

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}
