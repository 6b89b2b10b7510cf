/**
 * The care benchmark's scene: people with five years of history each (500 timeline entries and
 * 20 My Life plan versions), written set-based into a synthetic borough. The demo coordinator
 * joins each person's care team, so the benchmark reads and writes as them over HTTP.
 *
 * Per person: 20 plan versions and 10 agreements, 30 assessment versions, 40 instrument
 * results, 5 support episodes with 4 events each (20), 300 contacts, 40 tasks, and 8 referrals
 * with 5 events each (40): 500 entries on the timeline, spread over the five years.
 */
import { randomUUID } from 'node:crypto';
import { type MyLifePlanContent, type MyLifePlanDraftInput, applyPlanEdit, demoEmail, planAsDraft } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../packages/server/src/platform/db/client.js';

export const PLAN_VERSIONS = 20;
export const TIMELINE_ENTRIES = 500;
const YEARS_MS = 5 * 365 * 86_400_000;

export interface CareScene {
  people: string[];
  coordinatorEmail: string;
}

/** Twenty versions of one plan, each a small change on the last, as a coordinator would save them. */
export function planVersions(staffId: string, start: Date): MyLifePlanContent[] {
  const editor = { staffId, name: 'Coordinator', roles: ['coordinator' as const] };
  const versions: MyLifePlanContent[] = [];
  let previous: MyLifePlanContent | null = null;
  for (let v = 1; v <= PLAN_VERSIONS; v++) {
    const draft: MyLifePlanDraftInput = previous ? planAsDraft(previous, v - 1) : firstDraft();
    draft.strengths = [...(draft.strengths ?? []), { text: `Strength noted at review ${v}`, personsOwnWords: false }];
    const now = new Date(start.getTime() + (v * YEARS_MS) / PLAN_VERSIONS);
    previous = applyPlanEdit({ previous, draft, editor, now, newId: randomUUID });
    versions.push(previous);
  }
  return versions;
}

function firstDraft(): MyLifePlanDraftInput {
  const said = (text: string) => ({ text, personsOwnWords: true as const });
  return {
    basedOnVersion: 0,
    reviewDate: '2030-01-01',
    aboutMe: [said('I have lived on this street all my life.')],
    whatMattersToMe: [said('Seeing my grandchildren.'), said('Staying in my own home.')],
    strengths: [],
    supportNetwork: [{ text: 'Son visits on Sundays', personsOwnWords: false }],
    ifThingsGoWrong: [said('Ring my son first.')],
    healthAndCare: [],
    endOfLife: [],
    communicationNeeds: [],
    goals: [
      { domain: 'community_and_social_life', inMyWords: said('Go to the lunch club again.'), actions: [{ description: 'Arrange transport', who: { kind: 'community_service', name: 'Community transport' } }] },
      { domain: 'home', inMyWords: said('Feel safe on the stairs.'), actions: [] },
    ],
  };
}

/** The people, the coordinator on their care teams, and their history. */
export async function writeCareScene(db: Db, count: number, referenceDate: string): Promise<CareScene> {
  const [coordinator] = await rowsOf<{ id: string; organisation_id: string }>(
    db,
    sql`SELECT s.id, r.organisation_id FROM staff s JOIN staff_role r ON r.staff_id = s.id WHERE s.email = ${demoEmail('coordinator')}`,
  );
  const people = (await rowsOf<{ id: string }>(db, sql`SELECT p.id FROM person p WHERE p.registered_practice_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id) ORDER BY p.id LIMIT ${count}`)).map((r) => r.id);
  const end = new Date(`${referenceDate}T09:00:00Z`);
  const start = new Date(end.getTime() - YEARS_MS);
  const versions = planVersions(coordinator!.id, start);
  await db.transaction(async (tx) => {
    await tx.execute(sql`CREATE TEMP TABLE bench_person ON COMMIT DROP AS SELECT unnest(${sql.param(people)}::uuid[]) AS id`);
    const scene = { staff: coordinator!.id, org: coordinator!.organisation_id, start: start.toISOString(), end: end.toISOString() };
    await writeHistory(tx, scene, versions);
  });
  await db.execute(sql`VACUUM ANALYZE`);
  await db.execute(sql`CHECKPOINT`);
  return { people, coordinatorEmail: demoEmail('coordinator') };
}

interface SceneFacts {
  staff: string;
  org: string;
  start: string;
  end: string;
}

/** An instant `i` of `n` evenly over the five years; `i` is an expression, bracketed so that `(e.n - 1) * 4 + 1` stays whole. */
const spread = (i: string, n: number, s: SceneFacts) => sql`${s.start}::timestamptz + ((${sql.raw(i)})::float / ${n}) * (${s.end}::timestamptz - ${s.start}::timestamptz)`;

async function writeHistory(tx: Db, s: SceneFacts, versions: MyLifePlanContent[]) {
  await tx.execute(sql`INSERT INTO care_team_member (person_id, staff_id, organisation_id, responsibility, added_at)
    SELECT id, ${s.staff}, ${s.org}, 'Care coordinator', ${s.start}::timestamptz FROM bench_person ON CONFLICT DO NOTHING`);
  await tx.execute(sql`INSERT INTO my_life_plan_version (person_id, version, based_on, content, review_on, saved_by, organisation_id, saved_at)
    SELECT p.id, v.n, v.n - 1, (${JSON.stringify(versions)}::jsonb) -> (v.n - 1), '2030-01-01', ${s.staff}, ${s.org}, ${spread('v.n', versions.length + 1, s)}
    FROM bench_person p CROSS JOIN generate_series(1, ${versions.length}) AS v(n)`);
  await tx.execute(sql`INSERT INTO my_life_plan (person_id, current_version, review_on, updated_at)
    SELECT id, ${versions.length}, '2030-01-01', ${s.end}::timestamptz FROM bench_person`);
  await tx.execute(sql`INSERT INTO plan_agreement (id, person_id, version, how, agreed_at, recorded_by, recorded_at)
    SELECT gen_random_uuid(), p.id, v.n * 2, 'in_person', ${spread('v.n * 2', versions.length + 1, s)}, ${s.staff}, ${spread('v.n * 2', versions.length + 1, s)}
    FROM bench_person p CROSS JOIN generate_series(1, 10) AS v(n)`);
  await tx.execute(sql`INSERT INTO assessment_version (person_id, version, content, sections_changed, recorded_by, organisation_id, recorded_at)
    SELECT p.id, v.n, '{}'::jsonb, ARRAY['memory'], ${s.staff}, ${s.org}, ${spread('v.n', 31, s)}
    FROM bench_person p CROSS JOIN generate_series(1, 30) AS v(n)`);
  await tx.execute(sql`INSERT INTO instrument_result (id, person_id, instrument, answers, result, score, recorded_by, organisation_id, recorded_at)
    SELECT gen_random_uuid(), p.id, 'ucla3', '{"item1":2,"item2":2,"item3":2}', '{"instrument":"ucla3","scores":[{"key":"total","label":"Total","value":6,"min":3,"max":9,"band":null}],"band":null,"flags":[]}',
           6, ${s.staff}, ${s.org}, ${spread('v.n', 41, s)}
    FROM bench_person p CROSS JOIN generate_series(1, 40) AS v(n)`);
  await writeEpisodesAndContacts(tx, s);
  await writeTasksAndReferrals(tx, s);
}

async function writeEpisodesAndContacts(tx: Db, s: SceneFacts) {
  await tx.execute(sql`INSERT INTO support_episode (id, person_id, type, status, planned_weeks, start_on, ended_on, end_reason, exit_plan, organisation_id, created_by, created_at)
    SELECT gen_random_uuid(), p.id, 'care_coordination', CASE WHEN e.n = 5 THEN 'active' ELSE 'ended' END, 12,
           (${spread('(e.n - 1) * 4 + 1', 21, s)})::date, CASE WHEN e.n = 5 THEN NULL ELSE (${spread('(e.n - 1) * 4 + 3', 21, s)})::date END,
           CASE WHEN e.n = 5 THEN NULL ELSE 'goals_met' END, 'Keep going to the lunch club', ${s.org}, ${s.staff}, ${spread('(e.n - 1) * 4 + 1', 21, s)}
    FROM bench_person p CROSS JOIN generate_series(1, 5) AS e(n)`);
  await tx.execute(sql`INSERT INTO episode_event (id, episode_id, change, to_status, "on", by, at)
    SELECT gen_random_uuid(), e.id, c.change, c.status, e.start_on, ${s.staff}, e.created_at + c.after
    FROM support_episode e CROSS JOIN (VALUES ('created', 'active', interval '0 days'), ('pause', 'paused', interval '20 days'),
                                             ('resume', 'active', interval '30 days'), ('write_exit_plan', 'active', interval '60 days')) AS c(change, status, after)
    WHERE e.person_id IN (SELECT id FROM bench_person)`);
  await tx.execute(sql`INSERT INTO care_contact (id, person_id, kind, at, minutes, note, recorded_by, organisation_id, recorded_at)
    SELECT gen_random_uuid(), p.id, CASE WHEN v.n % 3 = 0 THEN 'phone' ELSE 'home_visit' END, ${spread('v.n', 301, s)}, 30,
           'Visited at home; talked about the week and the lunch club', ${s.staff}, ${s.org}, ${spread('v.n', 301, s)}
    FROM bench_person p CROSS JOIN generate_series(1, 300) AS v(n)`);
}

async function writeTasksAndReferrals(tx: Db, s: SceneFacts) {
  await tx.execute(sql`INSERT INTO task (id, title, person_id, network_id, owner_staff_id, due_on, first_due_on, priority, state, created_by, created_at)
    SELECT gen_random_uuid(), 'Check how the new routine is going', p.id, pr.network_id, ${s.staff}, (${spread('v.n', 41, s)})::date + 7,
           (${spread('v.n', 41, s)})::date + 7, 'normal', 'done', ${s.staff}, ${spread('v.n', 41, s)}
    FROM bench_person p JOIN person pe ON pe.id = p.id JOIN practice pr ON pr.id = pe.registered_practice_id CROSS JOIN generate_series(1, 40) AS v(n)`);
  await tx.execute(sql`INSERT INTO referral (id, person_id, network_id, status, created_at, reason, version, updated_at)
    SELECT gen_random_uuid(), p.id, pr.network_id, CASE WHEN v.n = 8 THEN 'active' ELSE 'closed' END, ${spread('(v.n - 1) * 5 + 1', 41, s)},
           'Two long-term conditions and two admissions', 5, ${spread('(v.n - 1) * 5 + 1', 41, s)}
    FROM bench_person p JOIN person pe ON pe.id = p.id JOIN practice pr ON pr.id = pe.registered_practice_id CROSS JOIN generate_series(1, 8) AS v(n)`);
  await tx.execute(sql`INSERT INTO referral_event (id, referral_id, from_state, to_state, staff_id, at, version)
    SELECT gen_random_uuid(), r.id, m.from_state, CASE WHEN r.status = 'active' AND m.version = 5 THEN 'active' ELSE m.to_state END,
           ${s.staff}, r.created_at + m.after, m.version
    FROM referral r CROSS JOIN (VALUES (NULL, 'received', interval '0', 1), ('received', 'triaged', interval '1 day', 2), ('triaged', 'accepted', interval '2 days', 3),
                                       ('accepted', 'active', interval '3 days', 4), ('active', 'closed', interval '90 days', 5)) AS m(from_state, to_state, after, version)
    WHERE r.person_id IN (SELECT id FROM bench_person)`);
}
