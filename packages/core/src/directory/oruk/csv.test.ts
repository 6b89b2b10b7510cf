import { describe, expect, it } from 'vitest';
import { readCsv } from '../../import/csv-reader.js';
import { orukFixtureCsvSet, orukFixtureJson } from '../../../test/fixtures/oruk/load.js';
import { exportOrukCsv, writeCsv } from './csv-export.js';
import { importOrukCsv, importOrukTaxonomyTermsCsv } from './csv-import.js';
import { ORUK_CSV_TABLES } from './csv-tables.js';
import { importOrukJson } from './import-json.js';
import { directoryServiceRecordSchema } from './model.js';

const FOLDER = 'examples-v3-uk/csv';
/** The official CSV set under the UK data package's file names only. */
const UK_FILES = Object.values(ORUK_CSV_TABLES).map((t) => t.files[0]);

describe('importing the ORUK CSV set', () => {
  it('joins the official tables into the service the JSON example describes', () => {
    const { services, problems } = importOrukCsv(orukFixtureCsvSet(FOLDER, UK_FILES), { feedId: 'csv' });
    expect(problems).toEqual([
      // The example's attribute links to an id that is no service in the set.
      { path: 'attribute.csv[line 2]', reason: expect.stringContaining('Names service "f28dd44b'), severity: 'warning' },
      { path: 'locations.csv[line 2].latitude', reason: expect.stringContaining('100 is outside -90 to 90'), severity: 'warning' },
      // freq WEEKLY with bymonthday "2,3,4": days of the month only go with MONTHLY.
      { path: 'schedule.csv[line 2].bymonthday', reason: 'Days of the month need freq MONTHLY; this schedule is left out of searches by day and time', severity: 'warning' },
    ]);
    expect(services).toHaveLength(1);
    expect(directoryServiceRecordSchema.safeParse(services[0]).success).toBe(true);
    const fromJson = importOrukJson(orukFixtureJson('examples-v3-uk/service_full.json'), { feedId: 'csv' }).services[0]!.service;
    const fromCsv = services[0]!.service;
    const { attributes: _a, schedules: csvSchedules, contacts: csvContacts, languages: csvLanguages, ...csvRest } = fromCsv;
    const { attributes: _b, schedules: jsonSchedules, contacts: jsonContacts, languages: jsonLanguages, ...jsonRest } = fromJson;
    expect(csvRest).toEqual(jsonRest);
    // The CSV adds what JSON nesting says by position: the schedule's place, the contact's phone, the language's phone.
    expect(csvSchedules).toEqual(jsonSchedules.map((s) => ({ ...s, service_at_location_id: 'e94c9f38-1e8f-4564-91d4-d53501ab1765' })));
    expect(csvContacts).toEqual(jsonContacts.map((c) => ({ ...c, phones: [expect.objectContaining({ number: '"+44 1234 234567"' })] })));
    expect(csvLanguages).toEqual(jsonLanguages.map((l) => ({ ...l, phone_id: '1554f2e2-a373-45db-a3fa-9fc48a61c15e' })));
  });

  it('reads one file for each table, saying which it did not read', () => {
    const { problems } = importOrukCsv(orukFixtureCsvSet(FOLDER), { feedId: 'csv' });
    expect(problems.slice(0, 2)).toEqual([
      { path: 'addresses.csv', reason: 'Holds the same table as address.csv; Kith read address.csv and not this file', severity: 'warning' },
      { path: 'schedules.csv', reason: 'Holds the same table as schedule.csv; Kith read schedule.csv and not this file', severity: 'warning' },
    ]);
  });

  it('reads HSDS 3.0 schedule columns when they are the only schedule file', () => {
    const files = orukFixtureCsvSet(FOLDER, ['services.csv', 'schedules.csv']);
    const schedule = importOrukCsv(files, { feedId: 'csv' }).services[0]?.service.schedules[0];
    expect(schedule).toMatchObject({ timezone: 3, until: '2005-01-01', count: 3, wkst: 'TU', byweekno: '41,42', byyearday: '2,3,4', location_id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5' });
  });

  it('rejects the service a bad row belongs to, naming the file and line', () => {
    const files = {
      'services.csv': 'id,name,status,description\ns1,Chair yoga,active,Gentle\ns2,Walking group,active,Walks\n',
      'schedule.csv': 'id,service_id,byday,opens_at,closes_at\nx1,s1,MO,09:00,10:00\nx2,s2,TU,nine,10:00,extra\nx3,s9,WE,10:00,11:00\n',
    };
    const { services, problems } = importOrukCsv(files, { feedId: 'csv' });
    expect(services.map((s) => s.service.id)).toEqual(['s1']);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      { path: 'schedule.csv[line 3]', reason: 'Has 6 fields; the header has 5', severity: 'error' },
      { path: 'schedule.csv[line 3].opens_at', reason: 'Must be a time, HH:MM or HH:MM:SS, not "nine"', severity: 'error' },
    ]);
    expect(problems).toContainEqual({ path: 'schedule.csv[line 4]', reason: expect.stringContaining('Names service "s9"'), severity: 'warning' });
  });

  it('reports a malformed row that no service uses', () => {
    const files = {
      'services.csv': 'id,name,status,description\ns1,Chair yoga,active,Gentle\n',
      'organizations.csv': 'id,name,description\no1,Unused,Spare,extra\n',
    };
    const { services, problems } = importOrukCsv(files, { feedId: 'csv' });
    expect(services).toHaveLength(1);
    expect(problems).toContainEqual({ path: 'organizations.csv[line 2]', reason: 'Has 4 fields; the header has 3', severity: 'error' });
  });

  it('needs a services file', () => {
    expect(importOrukCsv({ 'locations.csv': 'id\nl1\n' }, { feedId: 'csv' })).toEqual({
      services: [],
      refused: 0,
      problems: [{ path: 'services.csv', reason: expect.any(String), severity: 'error' }],
    });
  });

  it('reads a vocabulary sent as taxonomy_terms.csv', () => {
    const { terms, problems } = importOrukTaxonomyTermsCsv(orukFixtureCsvSet(FOLDER, ['taxonomy_terms.csv'])['taxonomy_terms.csv']!);
    expect(problems).toEqual([]);
    expect(terms).toEqual([
      {
        id: '3f7b145d-84af-42d7-8fae-eaca714b02b2',
        name: 'name',
        description: 'description',
        parent_id: '0bc248fa-dc27-4650-9ba4-8f1a24ef16a2',
        taxonomy: 'taxonomy',
        taxonomy_id: '07ff6aee-a219-438c-b694-d2fcb6c5373b',
        term_uri: 'http://example.com',
        term: 'name',
      },
    ]);
  });
});

describe('exporting the ORUK CSV set', () => {
  it('writes every table under the UK file names, and reads back to the same services', () => {
    const json = importOrukJson(orukFixtureJson('kith-v1/services_page_v1.json'), { feedId: 'f' }).services;
    const official = importOrukJson(orukFixtureJson('examples-v3-uk/service_full.json'), { feedId: 'f' }).services;
    const services = [...json, ...official].map((r) => r.service);
    const files = exportOrukCsv(services);
    expect(Object.keys(files).sort()).toEqual([...UK_FILES].sort());
    const again = importOrukCsv(files, { feedId: 'f' });
    // Only the schedules the first import already reported: v1's "weekday 3" that names no day
    // (ORUK v3 has no weekday, so it is reported at byday now), and the official example's
    // WEEKLY schedule with days of the month.
    expect(again.problems).toEqual([
      { path: 'schedule.csv[line 4].byday', reason: expect.stringMatching(/^Say which days.*; this schedule is left out of searches by day and time$/), severity: 'warning' },
      { path: 'schedule.csv[line 5].bymonthday', reason: 'Days of the month need freq MONTHLY; this schedule is left out of searches by day and time', severity: 'warning' },
    ]);
    expect(again.services.map((r) => r.service)).toEqual(services);
  });

  it('writes each shared organisation once', () => {
    const services = importOrukJson(orukFixtureJson('kith-v1/services_page_v1.json'), { feedId: 'f' }).services.map((r) => r.service);
    const twice = [services[1]!, { ...services[1]!, id: 'another' }];
    expect(readCsv(exportOrukCsv(twice)['organizations.csv']!)).toHaveLength(2);
  });

  it('quotes what RFC 4180 asks to be quoted', () => {
    const text = writeCsv(['a', 'b'], [{ a: 'plain', b: 'comma, "quote"\nline' }, { a: ' edged ', b: undefined }]);
    expect(text).toBe('a,b\r\nplain,"comma, ""quote""\nline"\r\n" edged ",\r\n');
    expect(readCsv(text).map((r) => r.fields)).toEqual([['a', 'b'], ['plain', 'comma, "quote"\nline'], [' edged ', '']]);
  });
});
