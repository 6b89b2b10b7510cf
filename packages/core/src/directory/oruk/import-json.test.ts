import { describe, expect, it } from 'vitest';
import { orukFixtureJson } from '../../../test/fixtures/oruk/load.js';
import { DomainError } from '../../errors.js';
import { importOrukJson } from './import-json.js';
import { directoryServiceRecordSchema } from './model.js';

const FEED = 'croydon-council';
const serviceFull = () => structuredClone(orukFixtureJson('examples-v3-uk/service_full.json')) as Record<string, unknown>;

describe('importing ORUK v3 JSON', () => {
  it('reads the official full service, reporting its latitude of 100 and its weekly schedule on days of the month, and keeping the rest', () => {
    const { services, problems } = importOrukJson(serviceFull(), { feedId: FEED });
    expect(problems).toEqual([
      { path: 'service_at_locations[0].location.latitude', reason: expect.stringContaining('100 is outside -90 to 90'), severity: 'warning' },
      // freq WEEKLY with bymonthday "2,3,4": days of the month only go with MONTHLY.
      { path: 'schedules[0].bymonthday', reason: 'Days of the month need freq MONTHLY; this schedule is left out of searches by day and time', severity: 'warning' },
    ]);
    expect(services).toHaveLength(1);
    const [record] = services;
    expect(record?.source).toEqual({ feedId: FEED, sourceId: 'ac148810-d857-441c-9679-408f346de14b' });
    expect(directoryServiceRecordSchema.safeParse(record).success).toBe(true);
    const location = record?.service.service_at_locations[0]?.location;
    expect(location).not.toHaveProperty('latitude');
    expect(location).not.toHaveProperty('longitude');
    expect(location?.addresses[0]?.postal_code).toBe('ABC 1234');
  });

  it('reads every shape an ORUK v3 API answers with', () => {
    const shapes = [
      'examples-v3-uk/service_list.json',
      'examples-v3-uk/service_at_location_full.json',
      'examples-v3-uk/service_at_location_list.json',
      'examples-v3-uk/organization_full.json',
    ];
    for (const shape of shapes) {
      const { services } = importOrukJson(orukFixtureJson(shape), { feedId: FEED });
      expect(services.map((s) => s.service.name), shape).toEqual(['Community Counselling']);
      expect(services[0]?.service.organization?.name, shape).toBe('Example Organization Inc.');
    }
    const atPlace = importOrukJson(orukFixtureJson('examples-v3-uk/service_at_location_list.json'), { feedId: FEED });
    expect(atPlace.services[0]?.service.service_at_locations[0]?.id).toBe('e94c9f38-1e8f-4564-91d4-d53501ab1765');
    expect(atPlace.problems.map((p) => p.path)).toEqual(['contents[0].location.latitude']);
  });

  it('rejects a service with an error anywhere in it, whole, naming the place of each problem', () => {
    const bad = serviceFull();
    const places = bad.service_at_locations as { location: { addresses: Record<string, unknown>[] } }[];
    places[0]!.location.addresses[0]!.address_type = 'house';
    const good = { ...serviceFull(), id: 'a6b1c2d3-0000-4000-8000-000000000001' };
    const { services, problems } = importOrukJson([good, bad], { feedId: FEED });
    expect(services.map((s) => s.service.id)).toEqual(['a6b1c2d3-0000-4000-8000-000000000001']);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      { path: '[1].service_at_locations[0].location.addresses[0].address_type', reason: 'Must be one of physical, postal, virtual, not "house"', severity: 'error' },
    ]);
  });

  it('rejects a service whose schedule closes before it opens, and keeps the others', () => {
    const good = { id: 'good', name: 'Chair yoga', status: 'active', description: 'Gentle exercise', schedules: [{ id: 'g', freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '11:00' }] };
    const bad = { id: 'bad', name: 'Walking group', status: 'active', description: 'Weekly walks', schedules: [{ id: 'b', freq: 'WEEKLY', byday: 'WE', opens_at: '14:00', closes_at: '09:00' }] };
    // A missing closing time does not contradict itself: a warning, and the service is kept.
    const open = { id: 'open', name: 'Tea dance', status: 'active', description: 'Dancing', schedules: [{ id: 'o', freq: 'WEEKLY', byday: 'FR', opens_at: '14:00' }] };
    const { services, refused, problems } = importOrukJson([good, bad, open], { feedId: FEED });
    expect(services.map((s) => s.service.id)).toEqual(['good', 'open']);
    expect(refused).toBe(1);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      { path: '[1].schedules[0].closes_at', reason: 'The session ends before it starts: closes_at must be after opens_at', severity: 'error' },
    ]);
    expect(problems.some((p) => p.path.startsWith('[0].schedules'))).toBe(false);
    expect(problems).toContainEqual({
      path: '[2].schedules[0].closes_at',
      reason: 'Give both the opening and the closing time, or neither; this schedule is left out of searches by day and time',
      severity: 'warning',
    });
  });

  it('keeps the good services of a page and reports each bad one', () => {
    const page = {
      total_items: 3,
      total_pages: 1,
      page_number: 1,
      size: 3,
      first_page: true,
      last_page: true,
      empty: false,
      contents: [
        { id: 'one', name: 'Chair yoga', status: 'active', description: 'Gentle exercise' },
        { id: 'two', name: 'Walking group', status: 'paused', description: 'Weekly walks' },
        'not a service',
      ],
    };
    const { services, problems } = importOrukJson(page, { feedId: FEED });
    expect(services.map((s) => s.service.name)).toEqual(['Chair yoga']);
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.path)).toEqual(['contents[2]', 'contents[1].status']);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.path)).toEqual(['contents[0].organization', 'contents[1].organization']);
  });

  it('refuses a second service with an id the feed already gave', () => {
    const service = { id: 'same', name: 'Memory café', status: 'active', description: 'For people living with dementia' };
    const { services, problems } = importOrukJson([service, { ...service, name: 'Other café' }], { feedId: FEED });
    expect(services.map((s) => s.service.name)).toEqual(['Memory café']);
    expect(problems).toContainEqual({ path: '[1].id', reason: expect.stringContaining('already gave a service with this id (at [0])'), severity: 'error' });
  });

  it('reads blank fields as absent, a status in another case with a warning, and days of the week leniently', () => {
    const { services, problems } = importOrukJson(
      { id: 's', name: 'Tea dance', status: 'Active', description: 'Dancing', url: '', email: null, schedules: [{ id: 'x', byday: 'mo, we' }] },
      { feedId: FEED },
    );
    expect(services[0]?.service).toMatchObject({ status: 'active', schedules: [{ id: 'x', byday: 'MO,WE' }] });
    expect(services[0]?.service).not.toHaveProperty('url');
    expect(problems.map((p) => [p.path, p.severity])).toEqual([
      ['status', 'warning'],
      ['organization', 'warning'],
    ]);
  });

  it('fills in a missing part id from its place, so the record can be stored and re-exported', () => {
    const { services, problems } = importOrukJson({ id: 's', name: 'Men in sheds', status: 'active', description: 'Woodwork', contacts: [{ name: 'Ray' }] }, { feedId: FEED });
    expect(services[0]?.service.contacts[0]?.id).toBe('s/contacts/0');
    expect(problems).toContainEqual({ path: 'contacts[0].id', reason: expect.stringContaining('"s/contacts/0"'), severity: 'warning' });
  });

  it('drops coordinates Kith cannot use, with a warning, and normalises UK postcodes', () => {
    const place = (location: object) => ({ id: 's', name: 'Lunch club', status: 'active', description: 'Food', service_at_locations: [{ id: 'p', location: { id: 'l', location_type: 'physical', ...location } }] });
    const zero = importOrukJson(place({ latitude: 0, longitude: 0 }), { feedId: FEED });
    expect(zero.problems.map((p) => p.reason)).toContainEqual(expect.stringContaining('placeholder'));
    const uk = importOrukJson(
      place({ latitude: 51.37, longitude: -0.1, addresses: [{ id: 'a', address_1: '1 High St', city: 'Croydon', postal_code: 'cr01ab', country: 'GB', address_type: 'physical' }] }),
      { feedId: FEED },
    );
    expect(uk.services[0]?.service.service_at_locations[0]?.location).toMatchObject({ latitude: 51.37, longitude: -0.1, addresses: [{ postal_code: 'CR0 1AB' }] });
    const notUk = importOrukJson(place({ addresses: [{ id: 'a', address_1: '1 High St', city: 'Croydon', postal_code: 'ZZ', address_type: 'physical' }] }), { feedId: FEED });
    expect(notUk.problems).toContainEqual({ path: 'service_at_locations[0].location.addresses[0].postal_code', reason: expect.stringContaining('not a UK postcode'), severity: 'warning' });
  });

  it('reports what is not an ORUK response at all, and needs the feed named', () => {
    expect(importOrukJson('hello', { feedId: FEED })).toEqual({ services: [], refused: 0, problems: [{ path: '', reason: expect.any(String), severity: 'error' }] });
    expect(() => importOrukJson([], { feedId: ' ' })).toThrow(DomainError);
  });
});

describe('importing ORUK v1 JSON', () => {
  const v1 = () => importOrukJson(orukFixtureJson('kith-v1/services_page_v1.json'), { feedId: 'v1-feed' });

  it('reads v1 collections into the v3 model', () => {
    const [lunch] = v1().services;
    expect(lunch?.service).toMatchObject({
      name: 'Thornton Heath Lunch Club',
      status: 'active',
      eligibility_description: 'adult, carer',
      minimum_age: 18,
      maximum_age: 120,
      assured_date: '2024-11-02',
      organization: { website: 'https://thca.example.org.uk' },
      funding: [{ id: 'fu-101', source: 'Croydon Council community grant' }],
      languages: [{ id: 'la-101', code: 'en' }, { id: 'la-102', name: 'Polish' }],
      attributes: [{ id: 'st-101', taxonomy_term_id: 'esdServiceTypes:1132', taxonomy_term: { name: 'Lunch clubs', taxonomy: 'esdServiceTypes' } }],
    });
    expect(lunch?.service.schedules).toEqual([
      { id: 'rs-101', freq: 'WEEKLY', interval: 1, byday: 'TU,TH', description: 'Tuesdays and Thursdays, noon to 2pm', opens_at: '12:00', closes_at: '14:00' },
      { id: 'rs-102', service_at_location_id: 'sal-101', freq: 'MONTHLY', byday: '1MO', description: 'Advice surgery, first Monday', opens_at: '10:00', closes_at: '11:00' },
    ]);
    expect(lunch?.service.service_at_locations[0]?.location).toMatchObject({
      location_type: 'physical',
      addresses: [{ address_type: 'physical', postal_code: 'CR7 8SA' }],
      accessibility: [{ accessibility: 'Step-free entrance and accessible toilet' }],
    });
    expect(lunch?.service.contacts[0]?.phones).toEqual([{ id: 'p-101', number: '020 7946 0018' }]);
  });

  it("keeps v1's gaps as warnings and rejects the record with errors, naming v1 paths", () => {
    const { services, problems } = v1();
    expect(services.map((s) => s.service.name)).toEqual(['Thornton Heath Lunch Club', 'Befriending by phone']);
    expect(problems.map((p) => [p.severity, p.path])).toEqual([
      ['warning', 'content[0].assured_date'],
      ['warning', 'content[0].contacts[0].phones[1].number'],
      ['warning', 'content[1].status'],
      ['warning', 'content[1].regular_schedules[0].weekday'],
      ['error', 'content[2].name'],
      ['error', 'content[2].url'],
      ['error', 'content[2].service_at_locations[0].location.latitude'],
    ]);
  });
});
