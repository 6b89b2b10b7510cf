/**
 * Who may see what: the access policy of Kith, as security.md ("Who may see what") describes it.
 * decide() is pure: the server gathers the facts (relationships, consent, emergency access
 * grants) from its database, calls decide() for every read, search hit, write, export and print
 * of person data, and writes the audit event in the same transaction.
 *
 * The rules, in order:
 * 1. Role: each role may do only what ROLE_PERMISSIONS gives it (permissions.ts). Commissioners
 *    and analysts see aggregates only (small numbers 1-7 suppressed), never a named record; the
 *    privacy officer sees the audit log and the emergency access review list; admin sees no
 *    person data; volunteers see identity, contact details and the plan summary; the
 *    independent living team sees identity, contact details, summary, plan and alerts.
 * 2. Volunteers see nothing of a person without their consent to voluntary-sector contact.
 * 3. Relationship: a care-record resource opens only when the staff member is the named
 *    coordinator, on the care team, at the registered practice, or in the network of that practice
 *    while the person has an open referral, episode or agenda item there. A search hit on
 *    identity needs no relationship (so a person can be found and emergency access asked for).
 * 4. Emergency access (break-glass.ts): direct-care roles (clinical, coordinator, independent
 *    living) with a reason, until the grant's expiry (now == expiry has expired); read and search,
 *    and write for clinical roles only; never export or print; flagged for review.
 * 5. Sharing consent: without consent to share across the alliance, an entry is visible only
 *    inside the organisation that wrote it. The national data opt-out does not restrict care.
 * 6. Restricted categories (restricted.ts): content only for the roles named on the category;
 *    others with access see a "restricted entry exists" marker. The author always sees their own
 *    entry (rules 5 and 6 do not apply to them).
 * 7. Portal: the person sees their own identity, contact details, summary, record entries (not
 *    restricted ones), plan and who looked; a carer only the plan, and only if the person shares it.
 * 8. API clients: only what their scopes name (API_SCOPES).
 */
import { decideForApiClient, decideForPortal } from './other-actors.js';
import { refused } from './reasons.js';
import { decideForStaff } from './staff-policy.js';
import type { AccessDecision, AccessRequest } from './types.js';

export function decide(request: AccessRequest): AccessDecision {
  const { actor } = request;
  switch (actor.kind) {
    case 'staff':
      return decideForStaff(request, actor);
    case 'portal':
      return decideForPortal(request);
    case 'api_client':
      return decideForApiClient(request, actor);
    default:
      return refused(request, 'role_excludes_resource', 'Kith does not know who is asking.');
  }
}
