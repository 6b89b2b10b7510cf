/**
 * The demo borough's care over time, so that a named coordinator signing in finds a caseload:
 * everyone with an active referral and a named coordinator (relationships.ts) has a 12-week
 * independence support episode. Most began two days after the referral was accepted, with a
 * first home visit that day and a phone call since, their wellbeing (SWEMWBS) measured at the
 * start, and a next visit booked on one of the coming ten days (none for every tenth person, so
 * the caseload shows who still needs one); every fifth of each coordinator's people is still
 * waiting for support to start. The demo coordinator's first two people also have the first
 * sections of their trusted assessment and a My Life plan they have agreed to.
 *
 * Set-based SQL for the many; the two plans and assessments are written through core's own
 * rules (applyPlanEdit, applySectionSave), so they are what a coordinator would have saved.
 */
import { randomUUID } from 'node:crypto';
import {
  type AssessmentContent,
  type MyLifePlanDraftInput,
  type Recorder,
  applyPlanEdit,
  applySectionSave,
  demoEmail,
  scoreInstrument,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { assessmentVersion, myLifePlan, myLifePlanVersion, planAgreement } from '../db/care-schema.js';
import { type Db, rowsOf } from '../db/client.js';

/** Days before the reference date the episodes started: the referrals were accepted 14 days before it. */
const STARTED_DAYS_AGO = 12;
/** Every fifth person of each coordinator is waiting for support to start: accepted, not yet visited. */
const WAITING_EVERY = 5;
/** The same middling SWEMWBS answers for everyone at the start: a raw 21, metric 19.25. */
const START_WELLBEING = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((i) => [`item${i}`, 3]));

export async function seedDemoCare(db: Db, referenceDate: string): Promise<{ episodes: number }> {
  const started = new Date(Date.parse(`${referenceDate}T10:00:00Z`) - STARTED_DAYS_AGO * 86_400_000);
  const startOn = started.toISOString().slice(0, 10);
  const wellbeing = scoreInstrument('swemwbs', START_WELLBEING);
  const episodes = await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO support_episode (id, person_id, type, status, referral_id, planned_weeks, start_on, organisation_id, created_by, created_at, next_visit_at)
      SELECT gen_random_uuid(), person_id, 'pic_independence_support', CASE WHEN waiting THEN 'waiting' ELSE 'active' END, referral_id, 12,
             CASE WHEN waiting THEN NULL ELSE ${startOn}::date END, organisation_id, staff_id, ${started.toISOString()}::timestamptz,
             CASE WHEN waiting OR n % 10 = 0 THEN NULL
                  ELSE (${referenceDate}::date + (n % 10)::int + time '10:00') AT TIME ZONE 'Europe/London' END
      FROM (SELECT r.person_id, r.id AS referral_id, m.organisation_id, m.staff_id, row_number() OVER (ORDER BY r.person_id) AS n,
                   row_number() OVER (PARTITION BY m.staff_id ORDER BY r.person_id) % ${WAITING_EVERY} = 0 AS waiting
            FROM referral r JOIN care_team_member m ON m.person_id = r.person_id AND m.is_named_coordinator
            WHERE r.status = 'active') AS coordinated`);
    await tx.execute(sql`
      INSERT INTO episode_event (id, episode_id, change, from_status, to_status, "on", by, at)
      SELECT gen_random_uuid(), e.id, 'created', NULL, e.status, e.start_on, e.created_by, e.created_at FROM support_episode e`);
    await tx.execute(sql`
      INSERT INTO care_contact (id, person_id, episode_id, kind, at, minutes, note, recorded_by, organisation_id, recorded_at)
      SELECT gen_random_uuid(), e.person_id, e.id, c.kind, e.created_at + c.after, c.minutes, c.note, e.created_by, e.organisation_id, e.created_at + c.after
      FROM support_episode e CROSS JOIN (VALUES
        ('home_visit', interval '0 days', 60, 'First home visit: talked about what matters to them and who is around them'),
        ('phone', interval '7 days', 15, 'Called to see how the week went')) AS c(kind, after, minutes, note)
      WHERE e.status = 'active'`);
    await tx.execute(sql`
      INSERT INTO instrument_result (id, person_id, instrument, answers, result, score, episode_id, moment, recorded_by, organisation_id, recorded_at)
      SELECT gen_random_uuid(), e.person_id, 'swemwbs', ${JSON.stringify(START_WELLBEING)}::jsonb, ${JSON.stringify(wellbeing)}::jsonb,
             ${wellbeing.scores[0]!.value}, e.id, 'start', e.created_by, e.organisation_id, e.created_at
      FROM support_episode e WHERE e.status = 'active'`);
    const [row] = await rowsOf<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM support_episode`);
    return row?.n ?? 0;
  });
  await seedDemoPlans(db, started);
  return { episodes };
}

interface DemoCoordinated {
  personId: string;
  givenName: string;
  staffId: string;
  staffName: string;
  organisationId: string;
  organisationName: string;
}

/** The demo coordinator's first two people: an assessment begun and a plan agreed. */
async function seedDemoPlans(db: Db, started: Date): Promise<void> {
  const people = await rowsOf<DemoCoordinated>(
    db,
    sql`SELECT p.id AS "personId", p.given_name AS "givenName", s.id AS "staffId", s.name AS "staffName",
               o.id AS "organisationId", o.name AS "organisationName"
        FROM care_team_member m JOIN staff s ON s.id = m.staff_id JOIN person p ON p.id = m.person_id JOIN organisation o ON o.id = m.organisation_id
        WHERE m.is_named_coordinator AND s.email = ${demoEmail('coordinator')}
          AND EXISTS (SELECT 1 FROM support_episode e WHERE e.person_id = p.id AND e.status = 'active')
        ORDER BY p.id LIMIT 2`,
  );
  for (const person of people) await db.transaction((tx) => seedOnePlan(tx, person, started));
}

async function seedOnePlan(tx: Db, person: DemoCoordinated, started: Date): Promise<void> {
  const recorder: Recorder = { staffId: person.staffId, name: person.staffName, role: 'coordinator', organisationName: person.organisationName };
  let content: AssessmentContent = {};
  const sections: [string, Record<string, string | number | boolean>][] = [
    ['loneliness_and_connections', { contact_with_others: 'weekly', groups: 'Used to go to the lunch club at the church hall', would_like_to: 'Get back to the lunch club' }],
    ['mobility_and_falls', { walking: 'aid', falls_last_year: 2, fear_of_falling: true }],
  ];
  for (const [index, [section, answers]] of sections.entries()) {
    content = applySectionSave(content, section, answers, recorder, started) ?? content;
    await tx.insert(assessmentVersion).values({
      personId: person.personId,
      version: index + 1,
      content,
      sectionsChanged: [section],
      recordedBy: person.staffId,
      organisationId: person.organisationId,
      recordedAt: started,
    });
  }
  const plan = applyPlanEdit({
    previous: null,
    draft: demoPlanDraft(person, started),
    editor: { staffId: person.staffId, name: person.staffName, roles: ['coordinator'] },
    now: started,
    newId: randomUUID,
  });
  await tx.insert(myLifePlanVersion).values({
    personId: person.personId,
    version: 1,
    basedOn: 0,
    content: plan,
    reviewOn: plan.reviewDate,
    savedBy: person.staffId,
    organisationId: person.organisationId,
    savedAt: started,
  });
  await tx.insert(myLifePlan).values({ personId: person.personId, currentVersion: 1, reviewOn: plan.reviewDate, updatedAt: started });
  await tx.insert(planAgreement).values({
    id: randomUUID(),
    personId: person.personId,
    version: 1,
    how: 'in_person',
    agreedAt: started,
    note: 'Read through together at the first home visit',
    recordedBy: person.staffId,
    recordedAt: started,
  });
}

function demoPlanDraft(person: DemoCoordinated, started: Date): MyLifePlanDraftInput {
  const day = (days: number) => new Date(started.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const said = (text: string) => ({ text, personsOwnWords: true as const });
  const noted = (text: string) => ({ text, personsOwnWords: false });
  return {
    basedOnVersion: 0,
    reviewDate: day(84),
    aboutMe: [said(`I'm ${person.givenName}. I've lived in this flat for thirty years and I know everyone on the landing.`)],
    whatMattersToMe: [said('Getting out of the house and seeing people. I miss the lunch club.'), said('Staying in my own home.')],
    strengths: [noted('Knows the neighbours well; keen to get out again')],
    supportNetwork: [noted('Daughter visits at weekends; neighbour collects shopping on Wednesdays')],
    ifThingsGoWrong: [said('If I fall, press my pendant and ring my daughter.')],
    healthAndCare: [],
    endOfLife: [],
    communicationNeeds: [noted('Hard of hearing on the left: sit on the right and speak clearly')],
    goals: [
      {
        domain: 'community_and_social_life',
        inMyWords: said('I want to go back to the lunch club on Thursdays.'),
        actions: [
          { description: 'Find out about transport to the lunch club', who: { kind: 'professional', name: person.staffName, staffId: person.staffId }, byWhen: day(14) },
          { description: 'Go to the lunch club with my neighbour', who: { kind: 'me', name: person.givenName }, byWhen: day(28) },
        ],
      },
      {
        domain: 'home',
        inMyWords: said('I want to feel safe on the stairs.'),
        actions: [{ description: 'Home safety check and a second rail', who: { kind: 'community_service', name: 'Independent living team' }, byWhen: day(21) }],
      },
    ],
  };
}
