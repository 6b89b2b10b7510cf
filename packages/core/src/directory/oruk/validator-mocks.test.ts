/**
 * The official ORUK validator's mock feeds (pass, warn, fail), imported the way Kith reads a
 * feed: each file is the answer of one endpoint, read by the reader for that endpoint. The
 * classification comes from what the files contain; the expectations below say why.
 */
import { describe, expect, it } from 'vitest';
import { orukFixtureFiles, orukFixtureJson } from '../../../test/fixtures/oruk/load.js';
import { readOrukFeedRoot } from './feed-root.js';
import { importOrukJson } from './import-json.js';
import { importOrukTaxonomyTerms } from './import-terms.js';
import type { OrukProblem } from './problems.js';

type Reader = (body: unknown) => { problems: OrukProblem[]; kept: number };

const services: Reader = (body) => {
  const { services: kept, problems } = importOrukJson(body, { feedId: 'mock' });
  return { problems, kept: kept.length };
};
const terms: Reader = (body) => {
  const { terms: kept, problems } = importOrukTaxonomyTerms(body);
  return { problems, kept: kept.length };
};
const root: Reader = (body) => ({ problems: readOrukFeedRoot(body).problems, kept: 1 });

/** Which endpoint each mock file answers. Organisation lists and taxonomy lists are not read: organisations arrive inside services, the vocabulary as terms. */
const ENDPOINTS: Record<string, Reader> = {
  'api_details.json': root,
  'service_list.json': services,
  'service_full.json': services,
  'service_at_location_list.json': services,
  'service_at_location_full.json': services,
  'organization.json': services,
  'organization_full.json': services,
  'taxonomy.json': terms,
  'taxonomy_term.json': terms,
  'taxonomy_term_list.json': terms,
};

function importFeed(folder: string): Record<string, { problems: string[]; kept: number }> {
  const found: Record<string, { problems: string[]; kept: number }> = {};
  for (const file of orukFixtureFiles(`validator-mocks-v3/${folder}`)) {
    const read = ENDPOINTS[file];
    if (!read) continue;
    const { problems, kept } = read(orukFixtureJson(`validator-mocks-v3/${folder}/${file}`));
    found[file] = { problems: problems.map((p) => `${p.severity} ${p.path}`), kept };
  }
  return found;
}

const severities = (feed: ReturnType<typeof importFeed>) => new Set(Object.values(feed).flatMap((f) => f.problems.map((p) => p.split(' ')[0])));

/**
 * The official example's own problems, wherever it appears. Its location has latitude 100: Kith
 * reports it and drops the coordinates. Its schedule is WEEKLY with days of the month
 * (bymonthday "2,3,4"), which only MONTHLY can have: Kith keeps the service, and leaves that
 * schedule out of searches by day and time. The list of services at locations carries no schedule.
 */
const EXAMPLE_PROBLEMS = {
  'service_full.json': ['warning service_at_locations[0].location.latitude', 'warning schedules[0].bymonthday'],
  'service_at_location_full.json': ['warning location.latitude', 'warning service.schedules[0].bymonthday'],
  'service_at_location_list.json': ['warning contents[0].location.latitude'],
};

describe("the ORUK validator's mock feeds", () => {
  it("pass feed: no errors; its only warnings are the example's latitude of 100 and its weekly schedule on days of the month", () => {
    const feed = importFeed('Default');
    expect(severities(feed)).toEqual(new Set(['warning']));
    expect(feed).toEqual({
      'api_details.json': { problems: [], kept: 1 },
      'organization.json': { problems: ['warning services[0].service_at_locations[0].location.latitude', 'warning services[0].schedules[0].bymonthday'], kept: 1 },
      'service_list.json': { problems: [], kept: 1 },
      'service_full.json': { problems: EXAMPLE_PROBLEMS['service_full.json'], kept: 1 },
      'service_at_location_full.json': { problems: EXAMPLE_PROBLEMS['service_at_location_full.json'], kept: 1 },
      'service_at_location_list.json': { problems: EXAMPLE_PROBLEMS['service_at_location_list.json'], kept: 1 },
      'taxonomy.json': { problems: [], kept: 1 },
      'taxonomy_term.json': { problems: [], kept: 1 },
      'taxonomy_term_list.json': { problems: [], kept: 1 },
    });
  });

  it('warn feed: warnings only, for a term without a description or a usable link and a page header that contradicts itself', () => {
    const feed = importFeed('Warn');
    expect(severities(feed)).toEqual(new Set(['warning']));
    expect(feed['taxonomy_term.json']).toEqual({ problems: ['warning description', 'warning term_uri'], kept: 1 });
    expect(feed['taxonomy_term_list.json']).toEqual({ problems: ['warning total_pages', 'warning last_page'], kept: 1 });
    expect(feed['service_list.json']).toEqual({ problems: [], kept: 1 });
    for (const [file, problems] of Object.entries(EXAMPLE_PROBLEMS)) expect(feed[file]?.problems, file).toEqual(problems);
    expect(Object.values(feed).every((f) => f.kept > 0)).toBe(true);
  });

  it('fail feed: errors for services without names, with malformed web and email addresses, and a root without an API description', () => {
    const feed = importFeed('Fail');
    expect(severities(feed)).toEqual(new Set(['warning', 'error']));
    expect(feed['service_full.json']).toEqual({
      problems: ['warning description', 'error url', 'error email', 'warning service_at_locations[0].location.latitude', 'warning schedules[0].bymonthday'],
      kept: 0,
    });
    expect(feed['service_list.json']?.kept).toBe(0);
    expect(feed['service_list.json']?.problems.filter((p) => p.startsWith('error'))).toEqual([
      'error contents[0].name',
      'error contents[0].url',
      'error contents[0].email',
      'error contents[1].name',
      'error contents[1].url',
      'error contents[1].email',
      'error contents[2].name',
      'error contents[2].url',
      'error contents[2].email',
      'error contents[3].id',
      'error contents[3].name',
      'error contents[3].email',
    ]);
    expect(feed['api_details.json']).toEqual({ problems: ['warning profile', 'error openapi_url'], kept: 1 });
  });

  it('reads the root of each feed as ORUK v3', () => {
    for (const folder of ['Default', 'Warn', 'Fail']) {
      expect(readOrukFeedRoot(orukFixtureJson(`validator-mocks-v3/${folder}/api_details.json`)).version).toBe('v3');
    }
  });
});
