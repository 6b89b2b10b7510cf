import { parseWordQuery, weekdayFilter, askedSpan } from '@kith/core';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../packages/server/src/platform/db/client.js';
import { DirectorySearchIndex } from '../packages/server/src/modules/directory/search-index.js';
const database = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/kith_directory_bench' });
let t = performance.now();
const { index } = await new DirectorySearchIndex(database.db).current(false);
console.log('read ms', (performance.now() - t).toFixed(0), index.size);
const WORDS = ['lunch club', 'walking', 'befriending', 'exercise', 'carers', 'singing', 'gardening', 'advice', 'café', 'crafts'];
const pcs = await rowsOf<{ postcode: string; latitude: number; longitude: number }>(database.db, sql`SELECT DISTINCT p.postcode, c.latitude, c.longitude FROM directory_place p JOIN postcode_centroid c USING (postcode) ORDER BY postcode LIMIT 200`);
const qs = await Promise.all(WORDS.map(async (w) => parseWordQuery((await rowsOf<{ q: string }>(database.db, sql`SELECT websearch_to_tsquery('english', ${w})::text q`))[0]!.q)!));
for (let round = 0; round < 3; round++) {
  t = performance.now();
  let found = 0;
  for (let i = 0; i < 2000; i++) {
    const pc = pcs[(i * 37) % pcs.length]!;
    const r = index.find({ words: qs[i % 10], taxonomy: [], needs: [], accessibility: [], freeOnly: false, when: weekdayFilter((['monday','tuesday','wednesday','thursday','friday'] as const)[i % 5]!, askedSpan({ partOfDay: i % 2 ? 'afternoon' : 'morning' })), near: { centre: pc, radiusMetres: 2000 }, today: '2026-11-23' });
    found += r.length;
  }
  console.log('per search ms', ((performance.now() - t) / 2000).toFixed(3), 'found avg', found / 2000);
}
await database.close();
