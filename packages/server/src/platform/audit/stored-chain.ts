/** Reading the stored chain back, for the audit tests. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';

export interface StoredLink {
  sequence: number;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

export async function storedChain(db: Db): Promise<StoredLink[]> {
  const rows = await rowsOf<StoredLink>(db, sql`SELECT sequence, prev_hash, hash FROM audit_event ORDER BY sequence`);
  return rows.map((row) => ({ ...row, sequence: Number(row.sequence) }));
}
