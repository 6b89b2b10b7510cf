/** PostgreSQL error codes that services turn into domain answers (both drivers carry `code`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  if (!e || e.code !== '23505') return false;
  return !constraint || e.constraint === constraint || (e.message ?? '').includes(constraint);
}

/** A row names another that does not exist: `constraint` names which reference, e.g. "point_of_access_network_id_network_id_fk". */
export function foreignKeyViolation(error: unknown): string | undefined {
  const e = findPgError(error);
  return e?.code === '23503' ? (e.constraint ?? e.message ?? '') : undefined;
}

interface PgError {
  code?: string;
  constraint?: string;
  message?: string;
}

/** Drizzle wraps driver errors; the PostgreSQL one may sit on `cause`. */
function findPgError(error: unknown): PgError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth++) {
    const e = current as PgError & { cause?: unknown };
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return undefined;
}
