import type { EnquiryChannel, EnquiryOutcome, EnquiryTopic, ShownCount } from '@kith/core';

/** A desk (or phone line) where enquiries are logged, run by the member of staff's organisation. */
export interface PointOfAccess {
  id: string;
  name: string;
  networkId: string;
  organisationId: string;
  safeguardingLeadStaffId: string;
  /** The named safeguarding lead's name: a concern raised here becomes their urgent task. */
  safeguardingLead: string;
}

export interface MyPointsOfAccessAnswer {
  pointsOfAccess: PointOfAccess[];
}

/** What the API says after logging an enquiry. */
export interface LoggedEnquiry {
  id: string;
  /** What came of it, in the order of ENQUIRY_OUTCOMES. */
  outcomes: string[];
  safeguardingTaskId: string | null;
  safeguardingLead: string | null;
}

/** A point of access's enquiries over a period; counts from 1 to 7 come back as 'suppressed'. */
export interface PointStatistics {
  /** The point of access's name. */
  pointOfAccess: string;
  from: string;
  to: string;
  total: ShownCount;
  byTopic: Partial<Record<EnquiryTopic, ShownCount>>;
  byOutcome: Partial<Record<EnquiryOutcome, ShownCount>>;
  byChannel: Partial<Record<EnquiryChannel, ShownCount>>;
}
