import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { listingFreshness } from '../directory/freshness.js';
import { distanceMetres } from '../directory/geo.js';
import { importOrukJson } from '../directory/oruk/import-json.js';
import { serviceCost } from '../directory/oruk/kith-extensions.js';
import { orukServiceSchema, type DirectoryService } from '../directory/oruk/model.js';
import { scheduleOccursOn, scheduleProblems, scheduleWeeklySpans } from '../directory/schedule.js';
import { DIRECTORY_TOWN_CENTRE_POSTCODE, DIRECTORY_VOCABULARY, synthesiseDirectory } from './directory.js';
import { gridToLatLong } from './grid.js';
import { boroughPostcodes } from './places.js';

const referenceDate = '2025-06-30';
const directory = (services: number, seed = 2017) => synthesiseDirectory({ services, seed, referenceDate }).feed.contents;
const codeOf = (service: DirectoryService) => service.attributes[0]?.taxonomy_term?.code;
const location = (service: DirectoryService) => service.service_at_locations[0]!.location;

const postcodes = new Map(boroughPostcodes().map((p) => [p.postcode, p]));
const townCentre = (() => {
  const p = postcodes.get(DIRECTORY_TOWN_CENTRE_POSTCODE)!;
  return gridToLatLong(p.east, p.north);
})();

describe('the synthetic community directory', () => {
  const services = directory(300);

  it('has a small vocabulary of activity types, which every service is classified by', () => {
    expect(DIRECTORY_VOCABULARY.length).toBeGreaterThanOrEqual(18);
    expect(new Set(DIRECTORY_VOCABULARY.map((t) => t.id)).size).toBe(DIRECTORY_VOCABULARY.length);
    expect(new Set(DIRECTORY_VOCABULARY.map((t) => t.code)).size).toBe(DIRECTORY_VOCABULARY.length);
    for (const term of DIRECTORY_VOCABULARY) {
      expect(term.taxonomy).toBe('kith-activities');
      expect(term.description.length).toBeGreaterThan(10);
    }
    const byId = new Map(DIRECTORY_VOCABULARY.map((t) => [t.id, t]));
    for (const service of services) {
      expect(service.attributes).toHaveLength(1);
      const [attribute] = service.attributes;
      expect(attribute!.taxonomy_term).toEqual(byId.get(attribute!.taxonomy_term_id));
    }
    const used = new Set(services.map(codeOf));
    expect(used.size).toBeGreaterThanOrEqual(16);
  });

  it('gives the same directory for the same seed, and another for another seed', () => {
    expect(JSON.stringify(directory(300))).toBe(JSON.stringify(services));
    const other = directory(300, 2018);
    expect(other.map((s) => s.id)).not.toEqual(services.map((s) => s.id));
    expect(other.map((s) => s.name)).not.toEqual(services.map((s) => s.name));
  });

  it('imports whole through the Open Referral UK import, with no problem of any kind', () => {
    const { feed } = synthesiseDirectory({ services: 300, seed: 2017, referenceDate });
    const result = importOrukJson(JSON.parse(JSON.stringify(feed)), { feedId: 'demo' });
    expect(result.problems).toEqual([]);
    expect(result.refused).toBe(0);
    expect(result.services.map((r) => r.service.id)).toEqual(services.map((s) => s.id));
    expect(feed.total_items).toBe(300);
    for (const service of services) expect(orukServiceSchema.safeParse(service).success).toBe(true);
  });

  it('gives every service a usable schedule, between 08:00 and 21:00, with dtstart on a session', () => {
    for (const service of services) {
      expect(service.schedules.length).toBeGreaterThanOrEqual(1);
      for (const schedule of service.schedules) {
        expect(scheduleProblems(schedule)).toEqual([]);
        expect(schedule.opens_at! >= '08:00' && schedule.closes_at! <= '21:00').toBe(true);
        expect(schedule.opens_at! < schedule.closes_at!).toBe(true);
        if (schedule.dtstart) {
          expect(scheduleOccursOn(schedule, schedule.dtstart)).toBe(true);
          expect(schedule.dtstart < referenceDate).toBe(true);
        }
      }
    }
    const schedules = services.flatMap((s) => s.schedules);
    expect(schedules.some((s) => s.interval === 2 && s.dtstart)).toBe(true);
    expect(schedules.some((s) => s.freq === 'MONTHLY' && /^-?\d(MO|TU|WE|TH|FR)$/.test(s.byday!) && s.dtstart)).toBe(true);
    expect(services.some((s) => s.schedules.length === 2)).toBe(true);
  });

  it('keeps lunch clubs at lunchtime', () => {
    const lunches = services.filter((s) => codeOf(s) === 'lunch-club').flatMap((s) => s.schedules);
    expect(lunches.length).toBeGreaterThan(10);
    for (const s of lunches) expect(s.opens_at! >= '11:30' && s.closes_at! <= '14:30').toBe(true);
  });

  it('places services at real Croydon postcodes, with their latitude and longitude', () => {
    for (const service of services) {
      const place = location(service);
      const address = place.addresses[0]!;
      const postcode = postcodes.get(address.postal_code!);
      expect(postcode, address.postal_code).toBeDefined();
      expect(distanceMetres(gridToLatLong(postcode!.east, postcode!.north), place as { latitude: number; longitude: number })).toBeLessThan(1);
      expect(address).toMatchObject({ country: 'GB', address_type: 'physical' });
      expect(place.location_type).toBe('physical');
      expect(distanceMetres(townCentre, place as { latitude: number; longitude: number })).toBeLessThan(12_000);
    }
  });

  it('names services naturally and variously, after Croydon places', () => {
    const names = services.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const places = ['Central Croydon', 'Thornton Heath', 'Addiscombe', 'Coulsdon', 'Purley', 'New Addington', 'Norbury', 'Selsdon'];
    for (const place of places) expect(names.some((n) => n.includes(place)), place).toBe(true);
    for (const name of names) expect(name).not.toMatch(/undefined|\s{2}|^\s|\s$/);
  });

  it('has about one organisation for every four services, local groups and borough-wide charities', () => {
    const organisations = new Map(services.map((s) => [s.organization!.id, s.organization!]));
    expect(organisations.size).toBeGreaterThan(300 / 6);
    expect(organisations.size).toBeLessThan(300 / 3);
    const names = [...organisations.values()].map((o) => o.name);
    expect(names).toContain('Croydon Later Life Trust');
    expect(new Set(names).size).toBe(names.length);
    for (const o of organisations.values()) expect(o.description).toBeTruthy();
  });

  it('is mostly active and free, some charging £2 to £6, some checked more than six months ago', () => {
    const closed = services.filter((s) => s.status === 'temporarily closed');
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.length).toBeLessThan(services.length / 10);
    expect(services.every((s) => s.status === 'active' || s.status === 'temporarily closed')).toBe(true);
    const charged = services.filter((s) => serviceCost(s) === 'charged');
    expect(charged.length).toBeGreaterThan(services.length / 10);
    expect(charged.length).toBeLessThan(services.length / 2);
    for (const option of services.flatMap((s) => s.cost_options)) {
      expect(option.currency).toBe('GBP');
      expect(option.amount === 0 || (option.amount! >= 2 && option.amount! <= 6)).toBe(true);
    }
    const freshness = services.map((s) => listingFreshness(s.assured_date, referenceDate).state);
    expect(freshness.filter((f) => f === 'stale').length).toBeGreaterThan(services.length / 5);
    expect(freshness.filter((f) => f === 'fresh').length).toBeGreaterThan(services.length / 2);
    for (const s of services) expect(s.assured_date! >= '2023-12-30' && s.assured_date! <= referenceDate).toBe(true);
  });

  it('gives Ofcom drama phone numbers, English and sometimes an age limit', () => {
    for (const s of services) {
      expect(s.phones[0]!.number).toMatch(/^020 7946 0\d{3}$/);
      expect(s.languages[0]).toMatchObject({ name: 'English', code: 'en' });
      if (s.minimum_age !== undefined) expect([18, 50, 60, 65]).toContain(s.minimum_age);
    }
    expect(services.some((s) => s.minimum_age !== undefined)).toBe(true);
  });
});

describe('what the demo can count on', () => {
  it.each([1, 2, 3, 42, 2017, 987_654_321, -7])('has a free Thursday lunch club near the town centre and a walking group (seed %i)', (seed) => {
    const services = directory(60, seed);
    const lunch = services.find(
      (s) =>
        codeOf(s) === 'lunch-club' &&
        s.status === 'active' &&
        serviceCost(s) === 'free' &&
        s.schedules.some((x) => x.freq === 'WEEKLY' && !x.interval && x.byday === 'TH' && x.opens_at === '12:00' && x.closes_at === '14:00') &&
        distanceMetres(townCentre, location(s) as { latitude: number; longitude: number }) <= 2_000,
    );
    expect(lunch).toBeDefined();
    expect(services.some((s) => codeOf(s) === 'walking-group' && s.status === 'active')).toBe(true);
  });
});

describe('the directory at benchmark scale', () => {
  it('makes 10,000 services well within 2 seconds, with about two weekly sessions each', () => {
    const started = performance.now();
    const services = directory(10_000, 5);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(services).toHaveLength(10_000);
    const sessions = services.reduce((n, s) => n + s.schedules.reduce((m, x) => m + scheduleWeeklySpans(x).length, 0), 0);
    expect(sessions).toBeGreaterThan(18_000);
    expect(sessions).toBeLessThan(22_000);
    expect(new Set(services.map((s) => s.id)).size).toBe(10_000);
  });
});

describe('checking the options', () => {
  it('refuses what cannot be made', () => {
    expect(() => synthesiseDirectory({ services: -1, seed: 1, referenceDate })).toThrow(DomainError);
    expect(() => synthesiseDirectory({ services: 1.5, seed: 1, referenceDate })).toThrow(DomainError);
    expect(() => synthesiseDirectory({ services: 10, seed: Number.NaN, referenceDate })).toThrow(DomainError);
    expect(() => synthesiseDirectory({ services: 10, seed: 1, referenceDate: '2025-02-30' })).toThrow(DomainError);
  });

  it('makes an empty page for no services', () => {
    const { feed } = synthesiseDirectory({ services: 0, seed: 1, referenceDate });
    expect(feed).toMatchObject({ total_items: 0, empty: true, contents: [] });
  });
});
