/**
 * The authorization matrix through HTTP: core's hand-written table (ACCESS_MATRIX), for every
 * staff role and every staff relationship, sent as real requests to the routes that read a
 * summary, read a safeguarding entry written elsewhere, write an entry, export a summary and
 * read the person's confidential huddle notes.
 * Each case checks the answer and the audit event the request wrote: allowed requests record
 * an allowed event (flagged under emergency access), refused ones a denied event.
 */
import { randomUUID } from 'node:crypto';
import { ACCESS_MATRIX, type MatrixCase, type StaffRole } from '@kith/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToCareTeam,
  createOrganisation,
  giveConsent,
  grantBreakGlass,
  insertEntry,
  insertPerson,
  joinNetworkTeam,
  openReferral,
  staffWithSession,
  type StaffSession,
} from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';
import { createMeeting, createSeries } from '../../../test/meeting-fixtures.js';
import { rowsOf } from '../db/client.js';
import { huddleNote } from '../db/schema.js';

const NOW = new Date('2026-06-01T09:00:00Z');
const HUDDLE_NOTE = 'Discussed at the huddle: wants to stay at home';
const STAFF_RELATIONSHIPS = ['none', 'named_coordinator', 'care_team', 'registered_practice', 'network_referral', 'break_glass'] as const;
type StaffRelationship = (typeof STAFF_RELATIONSHIPS)[number];
const HTTP_COLUMNS = ['summary', 'restricted', 'write', 'export', 'huddle_notes'] as const;

const cases = ACCESS_MATRIX.filter(
  (c): c is MatrixCase & { actor: StaffRole; relationship: StaffRelationship } =>
    c.actor !== 'portal' &&
    (STAFF_RELATIONSHIPS as readonly string[]).includes(c.relationship) &&
    (HTTP_COLUMNS as readonly string[]).includes(c.column),
);

interface Scene {
  personId: string;
  entryId: string;
  actor: StaffSession;
}

let t: TestApp;
const scenes = new Map<string, Scene>();

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  const { practiceId, networkId } = await createPractice(db);
  const elsewhere = await createOrganisation(db, 'Croydon Health Services');
  const authorOrganisation = await createOrganisation(db, 'Croydon Council', 'council');
  const author = await staffWithSession(db, 'social_worker', authorOrganisation, NOW);
  // A huddle note about each person, on no agenda item: the note adds no relationship of its own.
  const seriesId = await createSeries(db, { networkId, chairStaffId: author.staffId, name: 'Network huddle' });
  const meetingId = await createMeeting(db, { seriesId, meetsOn: '2026-05-26', state: 'in_progress' });
  for (const c of cases) {
    const key = `${c.actor}/${c.relationship}`;
    if (scenes.has(key)) continue;
    const personId = await insertPerson(db, practiceId);
    await giveConsent(db, personId, 'alliance_sharing', NOW);
    await giveConsent(db, personId, 'voluntary_sector_contact', NOW);
    const entryId = await insertEntry(db, {
      personId,
      authorStaffId: author.staffId,
      authorOrganisationId: authorOrganisation,
      authorRole: 'social_worker',
      category: 'safeguarding',
      now: NOW,
    });
    await db.insert(huddleNote).values({ id: randomUUID(), meetingId, personId, kind: 'note', text: HUDDLE_NOTE, writtenBy: author.staffId, writtenAt: NOW });
    const organisationId = c.relationship === 'registered_practice' ? practiceId : elsewhere;
    const actor = await staffWithSession(db, c.actor, organisationId, NOW);
    await relate(c.relationship, { personId, actor, organisationId, networkId, role: c.actor });
    scenes.set(key, { personId, entryId, actor });
  }
}, 120_000);

afterAll(() => t?.close());

async function relate(
  relationship: StaffRelationship,
  s: { personId: string; actor: StaffSession; organisationId: string; networkId: string; role: StaffRole },
) {
  const db = t.database.db;
  switch (relationship) {
    case 'named_coordinator':
      return addToCareTeam(db, s.personId, s.actor.staffId, s.organisationId, NOW, true);
    case 'care_team':
      return addToCareTeam(db, s.personId, s.actor.staffId, s.organisationId, NOW);
    case 'network_referral':
      await joinNetworkTeam(db, s.actor.staffId, s.organisationId, s.networkId);
      return openReferral(db, s.personId, s.networkId, NOW);
    case 'break_glass':
      await grantBreakGlass(db, s.personId, s.actor.staffId, s.organisationId, s.role, NOW);
      return;
    default:
      return;
  }
}

async function send(column: (typeof HTTP_COLUMNS)[number], scene: Scene) {
  const base = `/api/v1/people/${scene.personId}`;
  const headers = scene.actor.auth;
  switch (column) {
    case 'summary':
      return t.app.inject({ method: 'GET', url: `${base}/summary`, headers });
    case 'restricted':
      return t.app.inject({ method: 'GET', url: `${base}/entries/${scene.entryId}`, headers });
    case 'write':
      return t.app.inject({ method: 'POST', url: `${base}/entries`, headers, payload: { title: 'Visit', body: 'Seen at home today.' } });
    case 'export':
      return t.app.inject({ method: 'GET', url: `${base}/summary/export`, headers });
    case 'huddle_notes':
      return t.app.inject({ method: 'GET', url: `${base}/huddle-notes`, headers });
  }
}

interface EventRow {
  outcome: string;
  break_glass: boolean;
  action: string;
  subject_person_id: string | null;
  actor_staff_id: string | null;
}

async function eventsOf(requestId: string) {
  return rowsOf<EventRow>(
    t.database.db,
    sql`SELECT outcome, break_glass, action, subject_person_id, actor_staff_id FROM audit_event WHERE request_id = ${requestId}`,
  );
}

function seen(column: string, status: number, body: { shown?: string }): string {
  if (status === 403) return 'no';
  if (column === 'restricted' && body.shown === 'restricted_marker') return 'hidden';
  return status === 200 || status === 201 ? 'yes' : `status ${status}`;
}

describe('the authorization matrix over HTTP', () => {
  it('covers at least 300 cases of staff roles, relationships and actions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  it.each(cases.map((c) => [`${c.actor} / ${c.relationship} / ${c.column} -> ${c.expected}`, c] as const))('%s', async (_name, c) => {
    const scene = scenes.get(`${c.actor}/${c.relationship}`)!;
    const response = await send(c.column as (typeof HTTP_COLUMNS)[number], scene);
    expect(seen(c.column, response.statusCode, response.json()), response.body).toBe(c.expected);
    if (c.column === 'huddle_notes') expect(response.body.includes(HUDDLE_NOTE)).toBe(c.expected === 'yes');

    const events = await eventsOf(String(response.headers['x-request-id']));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ subject_person_id: scene.personId, actor_staff_id: scene.actor.staffId });
    expect(event!.outcome).toBe(c.expected === 'no' ? 'denied' : 'allowed');
    expect(event!.break_glass).toBe(c.relationship === 'break_glass' && c.expected !== 'no');
    expect(event!.action).toBe(c.column === 'write' ? 'write' : c.column === 'export' ? 'export' : 'read');
  });
});
