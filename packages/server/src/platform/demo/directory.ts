/**
 * The demo borough's directory of community services and activities: Kith's demo vocabulary and
 * a few hundred synthetic services at the borough's real postcodes, imported through the same
 * path as any Open Referral UK feed, so the demo directory is what an import would make.
 */
import { DIRECTORY_VOCABULARY, synthesiseDirectory } from '@kith/core';
import type { Db } from '../db/client.js';
import { importFeed } from '../../modules/directory/imports.js';
import { saveFeed } from '../../modules/directory/feeds.js';
import { loadVocabulary } from '../../modules/directory/taxonomy.js';

export const DEMO_FEED_ID = 'croydon-community';
const DEMO_SERVICES = 300;

export async function loadDemoDirectory(db: Db, options: { seed: number; referenceDate: string }): Promise<number> {
  const now = new Date();
  await saveFeed(db, DEMO_FEED_ID, { name: 'Croydon community directory (demo)', kind: 'voluntary' }, now);
  await loadVocabulary(db, 'json', { contents: DIRECTORY_VOCABULARY });
  const { feed } = synthesiseDirectory({ services: DEMO_SERVICES, seed: options.seed, referenceDate: options.referenceDate });
  const report = await importFeed(db, { feedId: DEMO_FEED_ID, format: 'oruk_json', body: feed, importer: { staffId: null, apiClientId: null }, now });
  return report.created;
}
