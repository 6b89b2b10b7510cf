/**
 * UK postcodes: outward code (area, district) then inward code (sector, unit). The pattern is
 * the one the Office for National Statistics documents for well-formed postcodes; whether a
 * postcode exists is a matter for the postcode directory, not this check.
 */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

/** "cr0 1ab" and "CR01AB" become "CR0 1AB"; undefined when it is not a well-formed postcode. */
export function normalisePostcode(input: string): string | undefined {
  const m = POSTCODE.exec(input.trim().toUpperCase().replace(/\s+/g, ' '));
  return m ? `${m[1]} ${m[2]}` : undefined;
}

/** Prefix for searching: upper case, single spaces, so "cr0 1" finds "CR0 1AB". */
export function postcodeSearchPrefix(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, ' ');
}
