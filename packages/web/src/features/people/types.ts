import type { Person, TimelinePage } from '@kith/core';
import type { PlanView } from '../my-life-plan/types';

export interface Network {
  id: string;
  name: string;
}

/** The GP practice a person is registered with, and the primary care network it belongs to. */
export interface Practice {
  id: string;
  name: string;
  odsCode: string;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  phone: string | null;
  network: Network | null;
}

/** How the reader came to be allowed to open the record; breakGlass is set under emergency access. */
export interface RecordAccess {
  basis: string | null;
  breakGlass: { reason: string; expiresAt: string } | null;
}

/** The person's single point of contact, and how to reach them. */
export interface NamedCoordinator {
  staffId: string;
  name: string;
  email: string;
  phone: string | null;
  organisationName: string;
}

/** A person as GET /people/:id returns them: the registry record with their practice and named coordinator alongside. */
export type PersonRecord = Person & { practice: Practice | null; namedCoordinator: NamedCoordinator | null; access: RecordAccess };

/** GET /people/:id/record: the record as it opens; a part the reader may not see is null. */
export interface RecordOpening {
  person: PersonRecord;
  timeline: TimelinePage | null;
  plan: PlanView | null;
}
