/** One array parameter per column, as bulk-insert.ts sends them: a PostgreSQL array literal with its type. */
import { sql, type SQL } from 'drizzle-orm';
import { arrayLiteral, type PgArrayType } from '../../platform/demo/bulk-insert.js';

export function pgArray(type: PgArrayType, values: readonly (string | null)[]): SQL {
  return sql`${arrayLiteral({ column: '', type, value: (v: string | null) => v }, values)}::${sql.raw(type)}[]`;
}
