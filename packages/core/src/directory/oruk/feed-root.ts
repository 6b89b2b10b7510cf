/**
 * The root of an ORUK v3 API (`GET /`): which version and profile it speaks and where its
 * OpenAPI description is. Kith answers it for its own directory and reads it from a feed to
 * learn which generation the feed speaks (v1 APIs have no such endpoint).
 */
import { Fields, isRawObject, jsonOrigins } from './fields.js';
import { type OrukProblem, ProblemLog } from './problems.js';
import type { OrukVersion } from './versions.js';

export const ORUK_V3_VERSION = 'HSDS-UK-3.0';
export const ORUK_V3_PROFILE = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';

export interface OrukFeedRoot {
  version: string;
  profile: string;
  openapi_url: string;
}

/** What Kith's own `GET /` answers, given where the server publishes its OpenAPI description. */
export function orukFeedRoot(openapiUrl: string): OrukFeedRoot {
  return { version: ORUK_V3_VERSION, profile: ORUK_V3_PROFILE, openapi_url: openapiUrl };
}

export interface OrukFeedRootReading {
  /** v3 when the root names an HSDS 3 version; undefined when it names none Kith knows. */
  version?: OrukVersion;
  openapiUrl?: string;
  problems: OrukProblem[];
}

export function readOrukFeedRoot(body: unknown): OrukFeedRootReading {
  const log = new ProblemLog();
  if (!isRawObject(body)) {
    log.error('', 'Not an Open Referral API root: expected an object');
    return { problems: log.problems };
  }
  const f = new Fields(body, '', log, jsonOrigins);
  const written = f.text('version', 'error');
  if (!f.has('profile')) f.log.warning('profile', 'Not given; ORUK v3 roots name the profile they follow');
  else f.uri('profile', 'warning');
  const openapiUrl = f.uri('openapi_url');
  if (!f.has('openapi_url')) f.log.error('openapi_url', 'Required: the ORUK validator reads the API description from it');
  const version = written && /^HSDS(-UK)?-3\./i.test(written.trim()) ? 'v3' : undefined;
  if (written && !version) f.log.warning('version', `"${written}" is not an HSDS 3 version Kith reads`);
  return { ...(version ? { version } : {}), ...(openapiUrl ? { openapiUrl } : {}), problems: log.problems };
}
