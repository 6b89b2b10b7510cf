import { describe, expect, it } from 'vitest';
import { orukFixtureJson } from '../../../test/fixtures/oruk/load.js';
import { DomainError } from '../../errors.js';
import { orukServicePage, toOrukService, toOrukServiceSummary } from './export-json.js';
import { importOrukJson } from './import-json.js';
import type { DirectoryService } from './model.js';
import { orukPage } from './pages.js';

type Json = Record<string, unknown>;

/** Every leaf value of a JSON document by its path: `service_at_locations[0].location.name`. */
function leaves(value: unknown, path = '', found = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, `${path}[${i}]`, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) leaves(item, path ? `${path}.${key}` : key, found);
  } else found.set(path, value);
  return found;
}

/** The paths whose values the export lost or changed. */
function lostBy(input: unknown, exported: unknown): string[] {
  const out = leaves(exported);
  return [...leaves(input)].filter(([path, value]) => out.get(path) !== value).map(([path]) => path);
}

const importOne = (body: unknown): DirectoryService => {
  const { services } = importOrukJson(body, { feedId: 'feed' });
  expect(services).toHaveLength(1);
  return services[0]!.service;
};

const withCoordinates = (json: Json): Json => {
  const copy = structuredClone(json) as { service_at_locations: { location: Json }[] };
  Object.assign(copy.service_at_locations[0]!.location, { latitude: 51.3762, longitude: -0.0982 });
  return copy as unknown as Json;
};

describe('exporting the directory as ORUK v3', () => {
  const official = orukFixtureJson('examples-v3-uk/service_full.json') as Json;

  it('loses no field of the official full service except the coordinates it reported as unusable', () => {
    expect(lostBy(official, toOrukService(importOne(official)))).toEqual([
      'service_at_locations[0].location.latitude',
      'service_at_locations[0].location.longitude',
    ]);
  });

  it('loses nothing at all once the example has coordinates in England', () => {
    const placed = withCoordinates(official);
    expect(lostBy(placed, toOrukService(importOne(placed)))).toEqual([]);
  });

  it("writes what it reads: an export imports again with no problem but the example's own, to the same record", () => {
    const service = importOne(withCoordinates(official));
    const again = importOrukJson(toOrukService(service), { feedId: 'feed' });
    // The example's schedule is WEEKLY with days of the month; Kith keeps it as published, so it is reported again.
    expect(again.problems).toEqual([
      { path: 'schedules[0].bymonthday', reason: 'Days of the month need freq MONTHLY; this schedule is left out of searches by day and time', severity: 'warning' },
    ]);
    expect(again.services[0]?.service).toEqual(service);
  });

  it('turns a v1 service into the v3 shape, which reads back unchanged', () => {
    const { services } = importOrukJson(orukFixtureJson('kith-v1/services_page_v1.json'), { feedId: 'v1' });
    for (const { service } of services) {
      const exported = toOrukService(service);
      expect(exported).not.toHaveProperty('regular_schedules');
      expect(importOrukJson(exported, { feedId: 'v1', version: 'v3' }).services[0]?.service).toEqual(service);
    }
  });

  it('lists one-to-one fields and the organisation in a page, with a header that agrees with itself', () => {
    const service = importOne(official);
    const summary = toOrukServiceSummary(service);
    expect(Object.values(summary).some(Array.isArray)).toBe(false);
    expect(summary.organization).not.toHaveProperty('organization_identifiers');
    const page = orukServicePage([service], { page: 2, perPage: 1, totalItems: 3 });
    expect(page).toMatchObject({ total_items: 3, total_pages: 3, page_number: 2, size: 1, first_page: false, last_page: false, empty: false });
    expect(importOrukJson(page, { feedId: 'feed' }).problems).toEqual([]);
    const full = orukServicePage([service], { page: 1, perPage: 10, totalItems: 1, full: true });
    expect(full.contents[0]).toEqual(toOrukService(service));
  });

  it('answers an empty search with one empty page and refuses a page before the first', () => {
    expect(orukPage([], { page: 1, perPage: 20, totalItems: 0 })).toEqual({
      total_items: 0,
      total_pages: 1,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
      contents: [],
    });
    expect(() => orukPage([], { page: 0, perPage: 20, totalItems: 0 })).toThrow(DomainError);
  });
});
