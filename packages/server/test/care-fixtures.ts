/**
 * A person with a care team across organisations, for the assessment, plan and episode tests:
 * a named coordinator from a voluntary organisation, a community nurse from the NHS trust, and
 * a coordinator elsewhere who has no relationship with the person.
 */
import type { Db } from '../src/platform/db/client.js';
import { addToCareTeam, createOrganisation, insertPerson, staffWithSession, type StaffSession } from './access-fixtures.js';
import { createPractice } from './factories.js';

export interface CareScene {
  personId: string;
  networkId: string;
  practiceId: string;
  coordinator: StaffSession & { organisationId: string };
  nurse: StaffSession & { organisationId: string };
  stranger: StaffSession & { organisationId: string };
}

let practices = 0;

export async function careScene(db: Db, now: Date, personName = 'Ada Lovelace'): Promise<CareScene> {
  const { networkId, practiceId } = await createPractice(db, `Practice of ${personName}`, `Y7${String((practices += 1)).padStart(4, '0')}`);
  const voluntary = await createOrganisation(db, `Age Concern for ${personName}`, 'voluntary');
  const trust = await createOrganisation(db, `Community Health for ${personName}`, 'nhs_trust');
  const personId = await insertPerson(db, practiceId, personName);
  const coordinator = { ...(await staffWithSession(db, 'coordinator', voluntary, now, 'Pat Coordinator')), organisationId: voluntary };
  const nurse = { ...(await staffWithSession(db, 'nurse', trust, now, 'Nia Nurse')), organisationId: trust };
  const stranger = { ...(await staffWithSession(db, 'coordinator', voluntary, now, 'Sam Stranger')), organisationId: voluntary };
  await addToCareTeam(db, personId, coordinator.staffId, voluntary, now, true);
  await addToCareTeam(db, personId, nurse.staffId, trust, now);
  return { personId, networkId, practiceId, coordinator, nurse, stranger };
}
