import type { Contact } from '@kith/core';
import type { ReactNode } from 'react';
import { SummaryList } from '../../components/SummaryList';
import { ageToday, formatDate, formatNhsNumber } from '../../format';
import { CONTACT_ROLE_LABELS, SEX_LABELS, yesNo } from './labels';
import type { PersonRecord, Practice } from './types';

/** The facts that tell this person apart from anyone else of the same name. */
export function PersonIdentity({ person }: { person: PersonRecord }) {
  return (
    <SummaryList
      rows={[
        { key: 'NHS number', value: formatNhsNumber(person.nhsNumber) },
        { key: 'Date of birth', value: formatDate(person.dateOfBirth) },
        { key: 'Age', value: String(ageToday(person.dateOfBirth)) },
      ]}
    />
  );
}

export function PersonalDetails({ person }: { person: PersonRecord }) {
  return (
    <section aria-labelledby="personal-details">
      <h2 id="personal-details">Personal details</h2>
      <SummaryList
        rows={[
          { key: 'Sex', value: SEX_LABELS[person.sex] },
          { key: 'Gender identity', value: person.genderIdentity },
          { key: 'Address', value: lines(person.addressLine1, person.addressLine2, person.town) },
          { key: 'Postcode', value: person.postcode },
          { key: 'Phone', value: person.phone },
          { key: 'Email', value: person.email },
          { key: 'Communication needs', value: person.communicationNeeds },
          { key: 'Interpreter language', value: person.interpreterLanguage },
        ]}
      />
    </section>
  );
}

export function GpPractice({ practice }: { practice: Practice | null }) {
  return (
    <section aria-labelledby="gp-practice">
      <h2 id="gp-practice">GP practice</h2>
      {practice ? (
        <SummaryList
          rows={[
            { key: 'Name', value: practice.name },
            { key: 'ODS code', value: practice.odsCode },
            { key: 'Phone', value: practice.phone },
            {
              key: 'Address',
              value: lines(practice.addressLine1, practice.addressLine2, practice.town, practice.postcode),
            },
            { key: 'Integrated Community Network', value: practice.network?.name },
          ]}
        />
      ) : (
        <p>No registered GP practice recorded.</p>
      )}
    </section>
  );
}

/** Carers, family and next of kin; each gets a heading so screen reader users can move between them. */
export function Contacts({ contacts }: { contacts: Contact[] }) {
  return (
    <section aria-labelledby="contacts">
      <h2 id="contacts">Contacts</h2>
      {contacts.length === 0 && <p>No contacts recorded.</p>}
      {contacts.map((contact) => (
        <div key={contact.id}>
          <h3>{contact.name}</h3>
          <SummaryList
            rows={[
              { key: 'Relationship', value: contact.relationship },
              { key: 'Role', value: CONTACT_ROLE_LABELS[contact.role] },
              { key: 'Phone', value: contact.phone },
              { key: 'Email', value: contact.email },
              { key: 'Next of kin', value: yesNo(contact.isNextOfKin) },
              { key: 'May see the plan', value: yesNo(contact.maySeePlan) },
            ]}
          />
        </div>
      ))}
    </section>
  );
}

/** Address lines one under another, leaving out the empty ones; null when there are none. */
function lines(...parts: Array<string | null | undefined>): ReactNode {
  const present = parts.filter((part): part is string => Boolean(part));
  if (present.length === 0) return null;
  return present.map((part, index) => (
    <span key={index}>
      {index > 0 && <br />}
      {part}
    </span>
  ));
}
