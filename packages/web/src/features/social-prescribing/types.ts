/**
 * What the social prescribing routes answer, as the web app reads it. Core holds the requests
 * and the words; the server writes out the view, so it is written out here.
 */
import type {
  ConsentMethod,
  SocialPrescribingNeed,
  SocialPrescriptionKind,
  SocialPrescriptionOutcome,
  SocialPrescriptionState,
} from '@kith/core';

export interface SocialPrescriptionView {
  id: string;
  kind: SocialPrescriptionKind;
  state: SocialPrescriptionState;
  stateLabel: string;
  open: boolean;
  /** One line in words: "Referred to Thursday Lunch Club: accepted". */
  words: string;
  service: { id: string; name: string; organisation: string | null };
  /** What matters to the person, in their own words. */
  whatMatters: string;
  needs: { code: SocialPrescribingNeed; label: string }[];
  supportOffered: string;
  consent: { given: boolean; how: ConsentMethod | null };
  note: string | null;
  outcome: SocialPrescriptionOutcome | null;
  outcomeLabel: string | null;
  /** The name of the member of staff who made it. */
  referredBy: string;
  /** ISO date and time. */
  createdAt: string;
  /** The version read: a move is made at it, and refused (409) once someone else has moved it. */
  version: number;
  /** Each session attended or missed, oldest first. */
  attendance: { on: string; attended: boolean; note: string | null }[];
  /** Every move, oldest first; the first has no `from`. */
  events: { from: SocialPrescriptionState | null; to: SocialPrescriptionState; at: string; by: string; note: string | null }[];
}
