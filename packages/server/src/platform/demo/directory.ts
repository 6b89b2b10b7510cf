/**
 * The demo borough's directory of community services and activities: Kith's demo vocabulary and
 * a few hundred synthetic services at the borough's real postcodes, imported through the same
 * path as any Open Referral UK feed, so the demo directory is what an import would make. Then
 * what Kith itself knows of them: the walking groups, lunch clubs and befriending schemes take
 * referrals through Kith (most taking people now), and the demo's voluntary partner looks after
 * one provider's listings, so its staff change them at once. The partner also runs the demo's
 * point of access.
 */
import { randomUUID } from 'node:crypto';
import { DIRECTORY_VOCABULARY, demoEmail, englandDate, synthesiseDirectory } from '@kith/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { importFeed } from '../../modules/directory/imports.js';
import { saveFeed } from '../../modules/directory/feeds.js';
import { loadVocabulary } from '../../modules/directory/taxonomy.js';

export const DEMO_FEED_ID = 'croydon-community';
const DEMO_SERVICES = 300;
/** The services people are most often referred to in social prescribing. */
const REFERRED_TYPES = ['walking-group', 'lunch-club', 'befriending'];
const PARTNER_RUN = 'Croydon Later Life Trust';

export async function loadDemoDirectory(db: Db, options: { seed: number; referenceDate: string }): Promise<number> {
  const now = new Date();
  await saveFeed(db, DEMO_FEED_ID, { name: 'Croydon community directory (demo)', kind: 'voluntary' }, now);
  await loadVocabulary(db, 'json', { contents: DIRECTORY_VOCABULARY });
  const { feed } = synthesiseDirectory({ services: DEMO_SERVICES, seed: options.seed, referenceDate: options.referenceDate });
  const report = await importFeed(db, { feedId: DEMO_FEED_ID, format: 'oruk_json', body: feed, importer: { staffId: null, apiClientId: null }, now });
  await takeReferrals(db, englandDate(now));
  await db.execute(sql`UPDATE directory_organization SET partner_organisation_id = (${volunteersOrganisation()}) WHERE name = ${PARTNER_RUN}`);
  await openPointOfAccess(db, now);
  return report.created;
}

/** The voluntary partner the demo volunteer (and the demo coordinator) work for. */
const volunteersOrganisation = () =>
  sql`SELECT r.organisation_id FROM staff_role r JOIN staff s ON s.id = r.staff_id WHERE s.email = ${demoEmail('volunteer')} ORDER BY r.organisation_id LIMIT 1`;

/**
 * The demo's point of access: a desk at the central library run by the voluntary partner (the
 * demo volunteer's organisation) for the first network, with the demo social worker as its
 * named safeguarding lead.
 */
async function openPointOfAccess(db: Db, now: Date): Promise<void> {
  await db.execute(sql`INSERT INTO point_of_access (id, name, network_id, organisation_id, safeguarding_lead_staff_id, created_at)
    SELECT ${randomUUID()}, 'Central Library point of access', (SELECT id FROM network ORDER BY name LIMIT 1),
      (${volunteersOrganisation()}),
      (SELECT id FROM staff WHERE email = ${demoEmail('social_worker')}), ${now.toISOString()}::timestamptz`);
}

/** Direct referrals for the commonest types; capacity confirmed for four in five of them, one in six with a waiting list. */
async function takeReferrals(db: Db, today: string): Promise<void> {
  await db.execute(sql`UPDATE directory_service SET referral_mode = 'direct_referral',
      referral_how = 'Refer through Kith: the group leader is told and answers within a week',
      capacity = CASE WHEN abs(hashtext(id::text)) % 6 = 0 THEN 'waiting_list' ELSE 'taking_referrals' END,
      capacity_confirmed_on = CASE WHEN abs(hashtext(id::text)) % 5 = 0 THEN NULL ELSE ${today}::date END
    WHERE taxonomy_codes && ${sql.param(REFERRED_TYPES)}::text[]`);
  // Capacity is only worth showing with the day it was confirmed.
  await db.execute(sql`UPDATE directory_service SET capacity = NULL WHERE capacity_confirmed_on IS NULL AND capacity IS NOT NULL`);
}
