/**
 * What an import found wrong, each named by where it is (a JSON path such as
 * `contents[3].service_at_locations[0].location.latitude`, or a CSV file and line).
 *
 * An error rejects the whole service it is in: Kith never keeps half a record. A warning keeps
 * the service and says what was missing or could not be used (docs/open-referral.md lists which
 * is which and why).
 */
export type ProblemSeverity = 'error' | 'warning';

export interface OrukProblem {
  path: string;
  reason: string;
  severity: ProblemSeverity;
}

export class ProblemLog {
  readonly problems: OrukProblem[] = [];
  private errors = 0;

  add(severity: ProblemSeverity, path: string, reason: string): void {
    this.problems.push({ path, reason, severity });
    if (severity === 'error') this.errors++;
  }

  error(path: string, reason: string): void {
    this.add('error', path, reason);
  }

  warning(path: string, reason: string): void {
    this.add('warning', path, reason);
  }

  /** How many errors so far: a reader compares the count before and after a record. */
  errorCount(): number {
    return this.errors;
  }

  /** Each problem once, in the order found (a place shared by two services is read twice). */
  distinct(): OrukProblem[] {
    const seen = new Set<string>();
    return this.problems.filter((p) => {
      const key = `${p.severity}\u0000${p.path}\u0000${p.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

/** `contents[3]` + `name` = `contents[3].name`; an empty base is the top of the document. */
export function childPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

export const itemPath = (base: string, index: number): string => `${base}[${index}]`;
