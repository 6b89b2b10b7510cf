/**
 * The access facts read for one person (every record read) and for many at once (agendas,
 * meetings, worklists) are two statements; they must agree on every fact for every kind of
 * person, or a list would show what the record refuses, or the reverse.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import {
  addToCareTeam,
  giveConsent,
  grantBreakGlass,
  insertPerson,
  joinNetworkTeam,
  openReferral,
  createOrganisation,
} from '../../../test/access-fixtures.js';
import { createPractice } from '../../../test/factories.js';
import { createSeries, meetingWithAgenda, recordMdtObjection } from '../../../test/meeting-fixtures.js';
import type { Database, Db } from '../db/client.js';
import { staff, staffRole } from '../db/schema.js';
import { accessFactsOfPeople, personAccessFacts } from './facts.js';

const now = new Date('2026-06-02T10:00:00Z');

describe('access facts for many people at once', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let db: Db;
  let staffId: string;
  let people: string[];

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    db = database.db;
    const home = await createPractice(db, 'Tollgate Surgery', 'Y91001');
    const other = await createPractice(db, 'Elm Road Surgery', 'Y91002');
    const trust = await createOrganisation(db, 'Community Trust');
    staffId = randomUUID();
    await db.insert(staff).values({ id: staffId, email: 'nurse@example.test', name: 'Nina Nurse' });
    await db.insert(staffRole).values({ staffId, organisationId: trust, role: 'nurse' });
    await joinNetworkTeam(db, staffId, trust, home.networkId);

    const plain = await insertPerson(db, home.practiceId, 'Plain Person');
    const careTeam = await insertPerson(db, home.practiceId, 'Care Team');
    await addToCareTeam(db, careTeam, staffId, trust, now);
    const coordinated = await insertPerson(db, home.practiceId, 'Named Coordinated');
    await addToCareTeam(db, coordinated, staffId, trust, now, true);
    const referred = await insertPerson(db, home.practiceId, 'Open Referral');
    await openReferral(db, referred, home.networkId, now);
    const onAgenda = await insertPerson(db, home.practiceId, 'On Agenda');
    const series = await createSeries(db, { networkId: home.networkId, chairStaffId: staffId });
    await meetingWithAgenda(db, { seriesId: series, meetsOn: '2026-05-26', personIds: [onAgenda] });
    const consented = await insertPerson(db, home.practiceId, 'Consent Given');
    await giveConsent(db, consented, 'alliance_sharing', now);
    await giveConsent(db, consented, 'voluntary_sector_contact', now);
    await giveConsent(db, consented, 'voluntary_sector_contact', new Date(now.getTime() + 1000), 'withdrawn');
    await giveConsent(db, consented, 'national_data_opt_out', now);
    await recordMdtObjection(db, consented, now);
    const glass = await insertPerson(db, other.practiceId, 'Emergency Access');
    await grantBreakGlass(db, glass, staffId, trust, 'nurse', now);
    const elsewhere = await insertPerson(db, other.practiceId, 'Other Network');
    await openReferral(db, elsewhere, other.networkId, now);
    const unregistered = await insertPerson(db, null, 'No Practice');
    people = [plain, careTeam, coordinated, referred, onAgenda, consented, glass, elsewhere, unregistered];
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('reads the same facts for many people as for one', async () => {
    const many = await accessFactsOfPeople(db, [...people, randomUUID()], staffId, now);
    expect(many.size).toBe(people.length);
    for (const personId of people) expect(many.get(personId)).toEqual(await personAccessFacts(db, personId, staffId, now));
  });

  it('finds each relationship it should', async () => {
    const many = await accessFactsOfPeople(db, people, staffId, now);
    const kinds = (i: number) => many.get(people[i]!)!.relationships.map((r) => (r.kind === 'network' ? `network:${r.openItems.join('+')}` : r.kind));
    expect(kinds(0)).toEqual(['network:']);
    expect(kinds(1)).toEqual(['care_team', 'network:']);
    expect(kinds(2)).toEqual(['named_coordinator', 'care_team', 'network:']);
    expect(kinds(3)).toEqual(['network:referral']);
    expect(kinds(4)).toEqual(['network:agenda_item']);
    expect(many.get(people[5]!)!.consent).toEqual({
      allianceSharing: 'given',
      voluntarySectorContact: 'withdrawn',
      nationalDataOptOut: true,
      mdtObjection: true,
    });
    expect(kinds(6)).toEqual(['break_glass']);
    expect(kinds(7)).toEqual([]);
    expect(kinds(8)).toEqual([]);
  });

  it('lets a place on an agenda lapse some weeks after the meeting', async () => {
    const later = new Date('2026-09-30T10:00:00Z');
    const onAgenda = people[4]!;
    expect((await accessFactsOfPeople(db, [onAgenda], staffId, later)).get(onAgenda)).toEqual(await personAccessFacts(db, onAgenda, staffId, later));
    expect((await personAccessFacts(db, onAgenda, staffId, later))!.relationships).toEqual([{ kind: 'network', openItems: [] }]);
  });
});
