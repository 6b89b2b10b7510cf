/** Reading the sealed chain back, in chain order, for the audit tests. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';

export interface StoredLink {
  position: number;
  sequence: number;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

export async function storedChain(db: Db): Promise<StoredLink[]> {
  const rows = await rowsOf<StoredLink>(
    db,
    sql`SELECT chain_position AS position, sequence, prev_hash, hash FROM audit_event WHERE chain_position IS NOT NULL ORDER BY chain_position`,
  );
  return rows.map((row) => ({ ...row, position: Number(row.position), sequence: Number(row.sequence) }));
}
