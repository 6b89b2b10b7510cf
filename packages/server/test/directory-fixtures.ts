/**
 * For the tests only: Open Referral UK v3 services as a borough feed would send them, placed at
 * real Croydon postcodes, with weekly sessions and a classification, and the small vocabulary
 * they are classified by.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.js';

export const TERMS = {
  lunchClub: { id: 'kith-lunch-club', name: 'Lunch club', code: 'lunch-club', taxonomy: 'kith-activities', description: 'A shared meal in company' },
  walking: { id: 'kith-walking-group', name: 'Walking group', code: 'walking-group', taxonomy: 'kith-activities', description: 'Led walks for all abilities' },
  befriending: { id: 'kith-befriending', name: 'Befriending', code: 'befriending', taxonomy: 'kith-activities', description: 'A regular visit or call' },
} as const;

export type TermKey = keyof typeof TERMS;

export interface ServiceSketch {
  id?: string;
  name: string;
  description?: string;
  postcode: string;
  /** Given coordinates; without them Kith places the service at its postcode. */
  at?: [number, number];
  byday: string;
  opens: string;
  closes: string;
  term: TermKey;
  free?: boolean;
  minimumAge?: number;
  organisation?: string;
}

/** One v3 service, fully nested, as `/services/{id}` gives it. */
export function orukService(s: ServiceSketch): Record<string, unknown> {
  const id = s.id ?? randomUUID();
  const salId = randomUUID();
  const term = TERMS[s.term];
  return {
    id,
    name: s.name,
    description: s.description ?? `${s.name}: everyone welcome`,
    status: 'active',
    ...(s.minimumAge !== undefined ? { minimum_age: s.minimumAge } : {}),
    organization: { id: `org-${(s.organisation ?? 'Croydon Later Life Trust').toLowerCase().replace(/\W+/g, '-')}`, name: s.organisation ?? 'Croydon Later Life Trust', description: 'A local charity', organization_identifiers: [] },
    service_at_locations: [
      {
        id: salId,
        location: {
          id: randomUUID(),
          location_type: 'physical',
          name: `${s.name} hall`,
          ...(s.at ? { latitude: s.at[0], longitude: s.at[1] } : {}),
          addresses: [{ id: randomUUID(), address_1: '1 High Street', city: 'Croydon', state_province: 'Surrey', postal_code: s.postcode, country: 'GB', address_type: 'physical' }],
          accessibility: [{ id: randomUUID(), accessibility: 'Wheelchair access' }],
        },
      },
    ],
    schedules: [{ id: randomUUID(), service_at_location_id: salId, freq: 'WEEKLY', byday: s.byday, opens_at: s.opens, closes_at: s.closes }],
    cost_options: [{ id: randomUUID(), option: 'Per visit', amount: s.free === false ? 4.5 : 0, currency: 'GBP' }],
    attributes: [{ id: randomUUID(), taxonomy_term_id: term.id, taxonomy_term: term }],
    phones: [{ id: randomUUID(), number: '020 7946 0000' }],
    contacts: [],
    languages: [{ id: randomUUID(), name: 'English', code: 'en' }],
    funding: [],
    service_areas: [],
  };
}

/** A v3 /services page holding these services. */
export function orukPageOf(services: Record<string, unknown>[]): Record<string, unknown> {
  return { total_items: services.length, total_pages: 1, page_number: 1, size: services.length, first_page: true, last_page: true, empty: services.length === 0, contents: services };
}

/** The vocabulary as a /taxonomy_terms page. */
export function vocabularyPage(): Record<string, unknown> {
  return orukPageOf(Object.values(TERMS).map((t) => ({ ...t })));
}

/**
 * A social prescription that ended at `at` (straight into the database, as the service would
 * leave it): sent, accepted, then completed with its needs met.
 */
export async function endedSocialPrescription(db: Db, options: { personId: string; staffId: string; at: Date; serviceName: string }): Promise<string> {
  const serviceId = randomUUID();
  const id = randomUUID();
  const at = options.at.toISOString();
  await db.execute(sql`INSERT INTO directory_feed (id, name, kind, created_at) VALUES ('test-feed', 'Test feed', 'voluntary', ${at}::timestamptz) ON CONFLICT (id) DO NOTHING`);
  await db.execute(sql`INSERT INTO directory_service (id, feed_id, source_id, name, status, free, taxonomy_codes, languages, accessibility, document, content_hash, created_at, updated_at)
    VALUES (${serviceId}, 'test-feed', ${serviceId}, ${options.serviceName}, 'active', true, '{}', '{}', '{}', '{}'::jsonb, 'test', ${at}::timestamptz, ${at}::timestamptz)`);
  await db.execute(sql`INSERT INTO social_prescription (id, person_id, service_id, kind, state, what_matters, needs, support_offered, consent_given, consent_how, outcome, referred_by, created_at, updated_at, version)
    VALUES (${id}, ${options.personId}, ${serviceId}, 'referral', 'completed', 'Seeing people', '{loneliness_isolation}', 'A weekly group', true, 'verbal', 'needs_met', ${options.staffId}, ${at}::timestamptz, ${at}::timestamptz, 3)`);
  for (const [version, from, to] of [[1, null, 'sent'], [2, 'sent', 'accepted'], [3, 'accepted', 'completed']] as const) {
    await db.execute(sql`INSERT INTO social_prescription_event (id, prescription_id, from_state, to_state, version, at, by, outcome)
      VALUES (${randomUUID()}, ${id}, ${from}, ${to}, ${version}, ${at}::timestamptz, ${options.staffId}, ${to === 'completed' ? 'needs_met' : null})`);
  }
  return id;
}
