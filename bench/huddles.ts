/**
 * Huddle targets, on the synthetic borough in a scratch database of the local PostgreSQL server:
 * building the agenda of a network of about 70,000 people (of the 400,000-person borough) in
 * under 200 ms, and opening the meeting view of a 20-item agenda in under 100 ms of server time.
 *
 * The scene is a week in one network, written through the server's own services wherever they
 * write it (referrals moved, series set up, meetings started, notes, actions, reviews and
 * attendance captured, meetings closed):
 *   - the borough as synthesised, with case-finding computed over everyone as the synthesis does
 *     (recomputeEveryone); every result then first found 60 days before the meeting, except a
 *     deterministic 0.5% (every 200th by person) first found on one of the 6 days before it;
 *   - of the referrals waiting in the network's inbox (received 1 to 6 days before), the first
 *     30 by person triaged 2 hours and accepted 4 hours after they arrived, by a coordinator;
 *   - 0.2% of the network's people (every 500th by person) objecting to MDT discussion;
 *   - open tasks for one in ten of the network's people with a named coordinator, owned by it;
 *   - a weekly network huddle chaired by a GP of the network's largest practice, whose previous
 *     meeting 7 days before was held and closed: 20 people with a hospital event in the week
 *     before it, each with a note and a decision, 10 with an action (an open task), 14 reviewed
 *     (5 to discuss again in 1 week, so due now; 5 in 4 weeks; 4 with no further review) and 6
 *     not reviewed (carried over);
 *   - the network huddle's agenda for the day of the synthesis (the window is the 7 days from the
 *     previous meeting to it), built by the chair through buildMeetingAgenda, as the route does;
 *   - a practice huddle at that practice on the same day, in progress: 20 people (those with the
 *     most emergency admissions in the last year) added by hand with an SBAR, each with a note,
 *     a decision and an action, 12 reviewed; opened by a community nurse of the network's team
 *     (a relationship through the agenda item) through readMeetingView, as the route does.
 * Before timing, VACUUM ANALYZE of every table the scene filled. The audit sealer runs beside
 * the timings, as in a running server.
 *
 *   BENCH_HUDDLE_FIRST_BUILDS (10), BENCH_HUDDLE_REFRESHES (20), BENCH_HUDDLE_VIEWS (200): runs of each
 */
import { randomUUID } from 'node:crypto';
import {
  type HuddleAgendaView,
  type MeetingView,
  type StaffRole,
  buildAgenda,
  huddleSeriesSchema,
  isoDateOf,
  localTimeToInstant,
  refreshAgenda,
  WEEKDAYS,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { buildApp } from '../packages/server/src/app.js';
import { synthesiseBorough } from '../packages/server/src/cli/synth.js';
import { loadConfig } from '../packages/server/src/config.js';
import { addAction, addNote, recordAttendance, reviewItem } from '../packages/server/src/modules/huddle-meetings/capture.js';
import { closeMeeting, startMeeting } from '../packages/server/src/modules/huddle-meetings/moves.js';
import { readMeetingView } from '../packages/server/src/modules/huddle-meetings/view.js';
import { addManualItem, buildMeetingAgenda, openMeeting, readMeetingAgenda } from '../packages/server/src/modules/huddles/agenda.js';
import { agendaWindow, objectorsAmong, openTaskCounts, previousItemsOf, sourceCandidates } from '../packages/server/src/modules/huddles/agenda-sources.js';
import { agendaView, saveAgenda, storedItems } from '../packages/server/src/modules/huddles/agenda-store.js';
import { storeMeetingOn } from '../packages/server/src/modules/huddles/calendar.js';
import { practicesServed, previousMeeting } from '../packages/server/src/modules/huddles/queries.js';
import { createSeries } from '../packages/server/src/modules/huddles/service.js';
import { moveReferral } from '../packages/server/src/modules/referrals/service.js';
import { type AccessContext, withAccess } from '../packages/server/src/platform/access/index.js';
import { startAuditSealer } from '../packages/server/src/platform/audit/seal.js';
import { csrfTokenFor } from '../packages/server/src/platform/auth/csrf.js';
import { rolesOf, startSession } from '../packages/server/src/platform/auth/session.js';
import { openDatabase, rowsOf, type Database, type Db } from '../packages/server/src/platform/db/client.js';
import { huddleAgendaItem } from '../packages/server/src/platform/db/schema.js';
import { percentile } from './http-load.js';
import type { Section } from './report.js';
import { admin, scratchUrl } from './scratch.js';

const SCRATCH = 'kith_huddles_bench';
/** The network size the target names, in the 400,000-person borough; scaled with BENCH_SIZE. */
const NETWORK_PEOPLE = 70_000;
const FULL_BOROUGH = 400_000;
const FIRST_BUILDS = Number(process.env.BENCH_HUDDLE_FIRST_BUILDS ?? 10);
const REFRESHES = Number(process.env.BENCH_HUDDLE_REFRESHES ?? 20);
const VIEWS = Number(process.env.BENCH_HUDDLE_VIEWS ?? 200);
/** One view in this many also over HTTP. */
const HTTP_EVERY = 5;
const PHASE_RUNS = 5;
const ACCEPTED_REFERRALS = 30;
const NEWLY_FOUND_EVERY = 200;
const OBJECTOR_EVERY = 500;
const TASK_EVERY = 10;
const ITEMS = 20;

const dayOffset = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const at = (date: string, time: string, plusMinutes = 0) => new Date(localTimeToInstant(date, time).getTime() + plusMinutes * 60_000);

/** The context the route builds for a signed-in member of staff (platform/access/http.ts). */
async function contextOf(db: Db, staffId: string, now: Date, purpose?: 'direct_care'): Promise<AccessContext> {
  const [row] = await rowsOf<{ name: string; email: string }>(db, sql`SELECT name, email FROM staff WHERE id = ${staffId}::uuid`);
  return {
    actor: { staffId, name: row!.name, email: row!.email, roles: await rolesOf(db, staffId) },
    now,
    requestId: randomUUID(),
    clientAddress: '127.0.0.1',
    purpose,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
  count: number;
}

const stats = (times: readonly number[]): Stats => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN, count: sorted.length };
};

const one = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T> => (await rowsOf<T>(db, query))[0]!;

// ---- the scene ---------------------------------------------------------------------------------

interface Scene {
  network: { id: string; name: string; people: number; practices: number };
  networks: number;
  practice: { id: string; name: string; people: number };
  chair: string;
  nurse: string;
  coordinator: string;
  therapist: string;
  socialWorker: string;
  seriesId: string;
  practiceSeriesId: string;
  meetingDate: string;
  previousDate: string;
  previousMeetingId: string;
  viewMeetingId: string;
  counts: Record<string, number>;
}

/** The network whose registered people are nearest the target, and its largest practice. */
async function chooseNetwork(db: Db, target: number) {
  const networks = await rowsOf<{ id: string; name: string; people: number; practices: number }>(
    db,
    sql`SELECT n.id, n.name, count(p.id)::int AS people, count(DISTINCT pr.id)::int AS practices
        FROM network n JOIN practice pr ON pr.network_id = n.id JOIN person p ON p.registered_practice_id = pr.id
        GROUP BY n.id, n.name ORDER BY abs(count(p.id) - ${target}::int), n.id`,
  );
  const network = networks[0]!;
  const practice = await one<{ id: string; name: string; people: number }>(
    db,
    sql`SELECT pr.id, o.name, count(p.id)::int AS people FROM practice pr JOIN organisation o ON o.id = pr.id
        JOIN person p ON p.registered_practice_id = pr.id WHERE pr.network_id = ${network.id}::uuid
        GROUP BY pr.id, o.name ORDER BY count(p.id) DESC, pr.id LIMIT 1`,
  );
  return { network, networks: networks.length, practice };
}

/** Members of the network's staff, in id order: on its teams, or with a role at its practices. */
async function membersOf(db: Db, networkId: string, practiceId: string) {
  const rows = await rowsOf<{ id: string; role: StaffRole; on_team: boolean; at_practice: boolean }>(
    db,
    sql`SELECT s.id, sr.role,
               EXISTS (SELECT 1 FROM team_member tm JOIN team t ON t.id = tm.team_id WHERE tm.staff_id = s.id AND t.network_id = ${networkId}::uuid) AS on_team,
               sr.organisation_id = ${practiceId}::uuid AS at_practice
        FROM staff s JOIN staff_role sr ON sr.staff_id = s.id
        WHERE NOT s.disabled AND s.email NOT LIKE '%@demo.kith.test'
          AND (SELECT count(*) FROM staff_role x WHERE x.staff_id = s.id) = 1
        ORDER BY s.id`,
  );
  const pick = (role: StaffRole, where: (r: (typeof rows)[number]) => boolean) => {
    const found = rows.find((r) => r.role === role && where(r));
    if (!found) throw new Error(`The network has no ${role} to cast`);
    return found.id;
  };
  return {
    chair: pick('gp', (r) => r.at_practice),
    nurse: pick('nurse', (r) => r.on_team),
    coordinator: pick('coordinator', (r) => r.on_team),
    therapist: pick('therapist', (r) => r.on_team),
    socialWorker: pick('social_worker', (r) => r.on_team),
  };
}

async function setUpScene(db: Db, size: number, referenceDate: string): Promise<Scene> {
  const meetingDate = referenceDate;
  const previousDate = dayOffset(meetingDate, -7);
  const weekday = WEEKDAYS[(new Date(`${meetingDate}T00:00:00Z`).getUTCDay() + 6) % 7]!;
  const counts: Record<string, number> = {};
  const { network, networks, practice } = await chooseNetwork(db, Math.round((NETWORK_PEOPLE * size) / FULL_BOROUGH));
  const cast = await membersOf(db, network.id, practice.id);
  const inNetwork = sql`p.registered_practice_id IN (SELECT id FROM practice WHERE network_id = ${network.id}::uuid)`;
  // What the synthesis itself made of huddles (its demo huddles, if it makes them): left as they are.
  Object.assign(
    counts,
    await one<Record<string, number>>(
      db,
      sql`SELECT (SELECT count(*) FROM huddle_series)::int AS "synthSeries", (SELECT count(*) FROM huddle_meeting)::int AS "synthMeetings",
                 (SELECT count(*) FROM huddle_agenda_item)::int AS "synthItems", (SELECT count(*) FROM task)::int AS "synthTasks"`,
    ),
  );

  // Case-finding: found long ago, but for a handful newly found this week.
  await db.execute(sql`UPDATE case_finding_result SET first_found_at = ${at(dayOffset(meetingDate, -60), '09:00').toISOString()}::timestamptz`);
  await db.execute(sql`
    UPDATE case_finding_result c SET first_found_at = (${meetingDate}::date - (1 + (r.n / ${NEWLY_FOUND_EVERY}) % 6)::int + time '09:00') AT TIME ZONE 'Europe/London'
    FROM (SELECT rule_id, person_id, row_number() OVER (ORDER BY person_id, rule_id) AS n FROM case_finding_result) r
    WHERE r.rule_id = c.rule_id AND r.person_id = c.person_id AND r.n % ${NEWLY_FOUND_EVERY} = 0`);
  Object.assign(
    counts,
    await one<Record<string, number>>(
      db,
      sql`SELECT count(*)::int AS "caseFindingResults",
                 count(*) FILTER (WHERE c.first_found_at > ${at(previousDate, '00:00').toISOString()}::timestamptz)::int AS "newlyFound",
                 count(*) FILTER (WHERE ${inNetwork})::int AS "networkResults",
                 count(*) FILTER (WHERE ${inNetwork} AND c.first_found_at > ${at(previousDate, '00:00').toISOString()}::timestamptz)::int AS "networkNewlyFound"
          FROM case_finding_result c JOIN person p ON p.id = c.person_id`,
    ),
  );

  // MDT objections: a few people of the network, recorded a month ago.
  const objected = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO consent_record (id, person_id, kind, state, method, recorded_by, recorded_at, note)
        SELECT gen_random_uuid(), id, 'mdt_objection', 'given', 'verbal', ${cast.chair}::uuid, ${at(dayOffset(meetingDate, -30), '10:00').toISOString()}::timestamptz,
               'Does not want to be discussed at MDT meetings'
        FROM (SELECT p.id, row_number() OVER (ORDER BY p.id) AS n FROM person p WHERE ${inNetwork}) x WHERE n % ${OBJECTOR_EVERY} = 0
        RETURNING person_id AS id`,
  );
  counts.objectors = objected.length;
  const notObjecting = sql`NOT EXISTS (SELECT 1 FROM consent_record cr WHERE cr.person_id = p.id AND cr.kind = 'mdt_objection')`;

  // Referrals accepted this week, moved through the referrals service by a coordinator.
  const waiting = await rowsOf<{ id: string; created_at: Date | string }>(
    db,
    sql`SELECT r.id, r.created_at FROM referral r WHERE r.network_id = ${network.id}::uuid AND r.status = 'received'
          AND r.created_at < ${at(meetingDate, '00:00').toISOString()}::timestamptz
        ORDER BY r.person_id LIMIT ${ACCEPTED_REFERRALS}`,
  );
  for (const referral of waiting) {
    const received = new Date(referral.created_at).getTime();
    await moveReferral(db, await contextOf(db, cast.coordinator, new Date(received + 2 * 3_600_000)), referral.id, { to: 'triaged', version: 1 });
    await moveReferral(db, await contextOf(db, cast.coordinator, new Date(received + 4 * 3_600_000)), referral.id, { to: 'accepted', version: 2 });
  }
  counts.acceptedReferrals = waiting.length;

  // Open tasks across the network: one in ten people with a named coordinator, owned by them.
  const made = await rowsOf<{ id: string; owner: string }>(
    db,
    sql`INSERT INTO task (id, title, person_id, network_id, owner_staff_id, due_on, first_due_on, priority, state, created_by, created_at, version)
        SELECT gen_random_uuid(), 'Review support plan', x.person_id, ${network.id}::uuid, x.staff_id,
               ${meetingDate}::date - 3 + (x.n % 14)::int, ${meetingDate}::date - 3 + (x.n % 14)::int, 'normal', 'open', x.staff_id,
               ${at(dayOffset(meetingDate, -20), '10:00').toISOString()}::timestamptz, 1
        FROM (SELECT m.person_id, m.staff_id, row_number() OVER (ORDER BY m.person_id) AS n
              FROM care_team_member m JOIN person p ON p.id = m.person_id WHERE m.is_named_coordinator AND ${inNetwork}) x
        WHERE x.n % ${TASK_EVERY} = 0
        RETURNING id, owner_staff_id AS owner`,
  );
  await db.execute(sql`
    INSERT INTO task_event (id, task_id, kind, from_state, to_state, staff_id, at, version)
    SELECT gen_random_uuid(), t.id, 'created', NULL, 'open', t.created_by, t.created_at, 1
    FROM task t WHERE t.id = ANY(${sql.param(made.map((m) => m.id))}::uuid[])`);
  counts.backgroundTasks = made.length;

  // The network huddle, set up by its chair.
  const chairAt = (date: string, time: string, plus = 0) => contextOf(db, cast.chair, at(date, time, plus));
  const seriesBody = (name: string, scope: object, startTime: string) =>
    huddleSeriesSchema.parse({
      name,
      scope,
      weekday,
      startTime,
      durationMinutes: 60,
      place: `${practice.name}, meeting room`,
      frequency: 'weekly',
      firstMeetingOn: dayOffset(meetingDate, -28),
      chairStaffId: cast.chair,
      standingMemberStaffIds: [cast.nurse, cast.coordinator],
    });
  const series = await createSeries(db, await chairAt(dayOffset(meetingDate, -35), '10:00'), seriesBody(`${network.name} huddle`, { kind: 'network', networkId: network.id }, '12:30'));

  // Its previous meeting: 20 people with a hospital event in the week before it, held and closed.
  const stored = await storeMeetingOn(db, await chairAt(previousDate, '09:00'), series.id, previousDate);
  const previousMeetingId = stored.meetingId!;
  await db.execute(sql`UPDATE huddle_meeting SET agenda_built_at = ${at(previousDate, '09:00').toISOString()}::timestamptz WHERE id = ${previousMeetingId}::uuid`);
  const events = await rowsOf<{ person_id: string; id: string; class: string; start_date: string }>(
    db,
    sql`SELECT DISTINCT ON (e.person_id) e.person_id, e.id, e.class, e.start_date::text AS start_date
        FROM encounter e JOIN person p ON p.id = e.person_id
        WHERE ${inNetwork} AND ${notObjecting} AND e.class IN ('inpatient', 'emergency')
          AND e.start_date BETWEEN ${dayOffset(previousDate, -7)}::date AND ${previousDate}::date
        ORDER BY e.person_id, e.start_date, e.id LIMIT ${ITEMS}`,
  );
  if (events.length < ITEMS) throw new Error(`Only ${events.length} people had a hospital event in the week before the previous meeting`);
  await db.insert(huddleAgendaItem).values(
    events.map((e, i) => ({
      id: randomUUID(),
      meetingId: previousMeetingId,
      personId: e.person_id,
      position: i + 1,
      reasons: [{ kind: 'hospital_event', event: e.class === 'inpatient' ? 'admission' : 'ae_attendance', encounterId: e.id, on: e.start_date }],
    })),
  );
  const attendees = [
    { staffId: cast.chair, role: 'gp' as const },
    { staffId: cast.nurse, role: 'nurse' as const },
    { staffId: cast.coordinator, role: 'coordinator' as const },
    { staffId: cast.therapist, role: 'therapist' as const },
    { staffId: cast.socialWorker, role: 'social_worker' as const },
  ];
  const owners = [cast.nurse, cast.coordinator, cast.therapist, cast.socialWorker];
  await startMeeting(db, await chairAt(previousDate, '12:30'), previousMeetingId);
  await recordAttendance(db, await chairAt(previousDate, '12:31'), previousMeetingId, { attendees });
  const previousItems = await rowsOf<{ id: string }>(db, sql`SELECT id FROM huddle_agenda_item WHERE meeting_id = ${previousMeetingId}::uuid ORDER BY position`);
  for (const [i, item] of previousItems.entries()) {
    const minute = 2 + i * 2.5;
    await addNote(db, await contextOf(db, cast.nurse, at(previousDate, '12:30', minute)), previousMeetingId, item.id, {
      kind: 'note',
      text: 'Home since the admission; managing stairs with difficulty, daughter visiting daily.',
    });
    await addNote(db, await chairAt(previousDate, '12:30', minute + 1), previousMeetingId, item.id, {
      kind: 'decision',
      text: 'Therapist to assess at home; coordinator to check on carers support.',
    });
    if (i < 10) {
      await addAction(db, await chairAt(previousDate, '12:30', minute + 1.5), previousMeetingId, item.id, {
        title: 'Home assessment after discharge',
        owner: { kind: 'staff', staffId: owners[i % owners.length]! },
        dueOn: dayOffset(previousDate, 14),
        priority: 'normal',
      });
    }
    // 6 not reviewed (carried over); then 5 to discuss again in a week (due now), 5 in four weeks, 4 not again.
    if (i >= 6) {
      const weeks = i < 11 ? 1 : i < 16 ? 4 : null;
      await reviewItem(db, await chairAt(previousDate, '12:30', minute + 2), previousMeetingId, item.id, { reviewed: true, discussAgainInWeeks: weeks });
    }
  }
  await closeMeeting(db, await chairAt(previousDate, '13:30'), previousMeetingId);

  // The practice huddle in progress this morning: 20 people raised by hand.
  const practiceSeries = await createSeries(
    db,
    await chairAt(dayOffset(meetingDate, -35), '10:05'),
    seriesBody(`${practice.name} huddle`, { kind: 'practice', practiceId: practice.id }, '08:00'),
  );
  const frail = await rowsOf<{ id: string }>(
    db,
    sql`SELECT p.id FROM person p JOIN encounter e ON e.person_id = p.id
        WHERE p.registered_practice_id = ${practice.id}::uuid AND ${notObjecting}
          AND e.class = 'inpatient' AND e.admission_method LIKE '2%' AND e.start_date > ${meetingDate}::date - 365
        GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT ${ITEMS}`,
  );
  if (frail.length < ITEMS) throw new Error(`Only ${frail.length} people at ${practice.name} had an emergency admission in the last year`);
  for (const [i, person] of frail.entries()) {
    await addManualItem(db, await chairAt(meetingDate, '07:00', i), practiceSeries.id, meetingDate, {
      personId: person.id,
      sbar: {
        situation: 'Two emergency admissions this year; now finding it hard to manage at home',
        background: 'Several long-term conditions; lives alone',
        assessment: 'Frailty rising; risk of another admission',
        recommendation: 'Discuss a joined-up plan: therapist and coordinator visit',
      },
    });
  }
  const viewMeetingId = (await one<{ id: string }>(db, sql`SELECT id FROM huddle_meeting WHERE series_id = ${practiceSeries.id}::uuid AND meets_on = ${meetingDate}::date`)).id;
  await startMeeting(db, await chairAt(meetingDate, '08:00'), viewMeetingId);
  await recordAttendance(db, await chairAt(meetingDate, '08:01'), viewMeetingId, { attendees });
  const viewItems = await rowsOf<{ id: string }>(db, sql`SELECT id FROM huddle_agenda_item WHERE meeting_id = ${viewMeetingId}::uuid ORDER BY position`);
  for (const [i, item] of viewItems.entries()) {
    const minute = 1 + i * 2.5;
    await addNote(db, await contextOf(db, cast.nurse, at(meetingDate, '08:00', minute)), viewMeetingId, item.id, {
      kind: 'note',
      text: 'Known to the community nursing team; leg ulcer dressings twice a week.',
    });
    await addNote(db, await chairAt(meetingDate, '08:00', minute + 1), viewMeetingId, item.id, {
      kind: 'decision',
      text: 'Coordinator to arrange a home visit with the therapist; review medicines.',
    });
    await addAction(db, await chairAt(meetingDate, '08:00', minute + 1.5), viewMeetingId, item.id, {
      title: 'Joint home visit',
      owner: { kind: 'staff', staffId: owners[i % owners.length]! },
      dueOn: dayOffset(meetingDate, 7 + (i % 7)),
      priority: i % 5 === 0 ? 'high' : 'normal',
    });
    if (i < 12) await reviewItem(db, await chairAt(meetingDate, '08:00', minute + 2), viewMeetingId, item.id, { reviewed: true, discussAgainInWeeks: 2 });
  }

  await db.execute(sql`VACUUM ANALYZE case_finding_result, consent_record, referral, referral_event, task, task_event, huddle_series,
                       huddle_series_member, huddle_meeting, huddle_agenda_item, huddle_note, huddle_attendance, audit_event`);
  return {
    network,
    networks,
    practice,
    ...cast,
    seriesId: series.id,
    practiceSeriesId: practiceSeries.id,
    meetingDate,
    previousDate,
    previousMeetingId,
    viewMeetingId,
    counts,
  };
}

// ---- the timings -------------------------------------------------------------------------------

/** The meeting as the first build finds it: not yet stored. */
async function forgetMeeting(db: Db, seriesId: string, date: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM huddle_agenda_item WHERE meeting_id IN (SELECT id FROM huddle_meeting WHERE series_id = ${seriesId}::uuid AND meets_on = ${date}::date)`);
    await tx.execute(sql`DELETE FROM huddle_meeting WHERE series_id = ${seriesId}::uuid AND meets_on = ${date}::date`);
  });
}

const PHASES = ['open', 'sources', 'previous items, tasks, objections', 'buildAgenda', 'save', 'view (gate over every item)', 'audit events'] as const;
type Phase = (typeof PHASES)[number];

class RolledBack extends Error {}

/**
 * One refresh, step by step as buildMeetingAgenda takes them (huddles/agenda.ts), each step
 * timed, then rolled back: where the time goes. The same functions in the same order; the
 * step "open" includes the series, membership, meeting lock, previous meeting and stored items.
 */
async function phasedRefresh(db: Db, context: AccessContext, seriesId: string, date: string): Promise<Record<Phase, number>> {
  const times = {} as Record<Phase, number>;
  let mark = performance.now();
  const lap = (phase: Phase) => {
    const now = performance.now();
    times[phase] = now - mark;
    mark = now;
  };
  await withAccess(db, context, async (gate, tx) => {
    const opened = await openMeeting(gate, tx, seriesId, date, { what: 'build its huddle agendas', create: true });
    const previous = await previousMeeting(tx, opened.series.id, date);
    const current = await storedItems(tx, opened.meeting.id);
    lap('open');
    const window = agendaWindow(opened.series, date, previous);
    const practiceIds = await practicesServed(tx, opened.series);
    const candidates = await sourceCandidates(tx, { series: opened.series, practiceIds, meetingDate: date, window });
    for (const item of current) for (const reason of item.reasons) if (reason.kind === 'manual') candidates.push({ personId: item.personId, reason });
    lap('sources');
    const previousItems = await previousItemsOf(tx, previous?.id);
    const people = new Set([...candidates.map((c) => c.personId), ...previousItems.filter((p) => !p.reviewed).map((p) => p.personId)]);
    const tasks = await openTaskCounts(tx, opened.series, [...people]);
    for (const [personId, count] of tasks) candidates.push({ personId, reason: { kind: 'open_tasks', count } });
    const objectors = await objectorsAmong(tx, [...new Set([...people, ...tasks.keys()])]);
    lap('previous items, tasks, objections');
    const agenda = buildAgenda({ meeting: { id: opened.meeting.id, date }, previousItems, candidates, objectedPersonIds: objectors });
    const items = current.length > 0 ? refreshAgenda(current, agenda).items : agenda.items;
    lap('buildAgenda');
    await saveAgenda(tx, opened.meeting.id, items, current);
    await tx.execute(sql`UPDATE huddle_meeting SET agenda_built_at = ${gate.now.toISOString()}::timestamptz, objections_withheld = ${agenda.objectionsWithheld}
                         WHERE id = ${opened.meeting.id}::uuid`);
    lap('save');
    await agendaView(gate, tx, opened.series, { ...opened.meeting, agendaBuiltAt: gate.now, objectionsWithheld: agenda.objectionsWithheld }, window);
    lap('view (gate over every item)');
    await gate.flush();
    lap('audit events');
    throw new RolledBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RolledBack)) throw error;
  });
  return times;
}

function reasonCounts(view: HuddleAgendaView): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of view.items) {
    const kinds = new Set((item.reasons ?? []).map(({ reason }) => (reason.kind === 'hospital_event' ? reason.event : reason.kind)));
    for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

interface Results {
  firstBuilds: number[];
  refreshes: number[];
  reads: number[];
  phases: Record<Phase, number>[];
  agenda: HuddleAgendaView;
  http: { refresh: number[]; view: number[] };
  view: number[];
  closedView: number[];
  viewShape: { items: number; notes: number; actions: number; shown: number; summaries: number };
  closedShape: { items: number; shown: number };
}

async function measure(database: Database, scene: Scene): Promise<Results> {
  const { db } = database;
  const { seriesId, meetingDate } = scene;
  const buildNow = at(meetingDate, '11:00');
  const viewNow = at(meetingDate, '08:50');
  const chair = () => contextOf(db, scene.chair, buildNow);
  const nurse = () => contextOf(db, scene.nurse, viewNow, 'direct_care');

  // The same server over HTTP, in-process (app.inject), signed in as the route expects.
  let clock = buildNow;
  const app = await buildApp({ database, config: { ...loadConfig({ LOG_LEVEL: 'silent' }), loadDemo: false }, clock: () => clock });
  try {
    const headersFor = async (staffId: string, now: Date) => {
      const session = await startSession(db, staffId, now, { idleMinutes: 30, maxHours: 12 });
      return { cookie: `kith_session=${session.token}`, 'x-csrf-token': csrfTokenFor(session.token) };
    };
    const chairHeaders = await headersFor(scene.chair, buildNow);
    const nurseHeaders = await headersFor(scene.nurse, viewNow);
    const agendaUrl = `/api/v1/huddles/series/${seriesId}/meetings/${meetingDate}/agenda`;
    const overHttp = async (method: 'GET' | 'POST', url: string, headers: Record<string, string>, now: Date) => {
      clock = now;
      const run = await timed(() => app.inject({ method, url, headers }));
      if (run.result.statusCode !== 200) throw new Error(`${method} ${url}: ${run.result.statusCode} ${run.result.body.slice(0, 300)}`);
      return run.ms;
    };
    const refreshOverHttp = () => overHttp('POST', agendaUrl, chairHeaders, buildNow);
    const viewOverHttp = () => overHttp('GET', `/api/v1/huddles/meetings/${scene.viewMeetingId}`, nurseHeaders, viewNow);

    console.log('Timing the agenda: first builds…');
    // Warm-up: plans, caches, connections.
    for (let i = 0; i < 2; i++) {
      await buildMeetingAgenda(db, await chair(), seriesId, meetingDate);
      await refreshOverHttp();
    }
    const firstBuilds: number[] = [];
    let agenda: HuddleAgendaView | undefined;
    for (let i = 0; i < FIRST_BUILDS; i++) {
      await forgetMeeting(db, seriesId, meetingDate);
      const context = await chair();
      const run = await timed(() => buildMeetingAgenda(db, context, seriesId, meetingDate));
      firstBuilds.push(run.ms);
      agenda = run.result;
    }
    console.log('  refreshes, in-process and over HTTP in turn…');
    const refreshes: number[] = [];
    const httpRefreshes: number[] = [];
    for (let i = 0; i < REFRESHES; i++) {
      const inProcess = async () => {
        const context = await chair();
        const run = await timed(() => buildMeetingAgenda(db, context, seriesId, meetingDate));
        refreshes.push(run.ms);
        agenda = run.result;
      };
      const http = async () => {
        if (i % 2 === 0) httpRefreshes.push(await refreshOverHttp());
      };
      if (i % 4 < 2) await inProcess().then(http);
      else await http().then(inProcess);
    }
    const reads: number[] = [];
    for (let i = 0; i < REFRESHES; i++) {
      const context = await chair();
      reads.push((await timed(() => readMeetingAgenda(db, context, seriesId, meetingDate))).ms);
    }
    const phases: Record<Phase, number>[] = [];
    for (let i = 0; i < PHASE_RUNS; i++) phases.push(await phasedRefresh(db, await chair(), seriesId, meetingDate));

    console.log('Timing the meeting view, in-process and over HTTP in turn…');
    const open = async (meetingId: string) => {
      const context = await nurse();
      return timed(() => readMeetingView(db, context, meetingId));
    };
    for (let i = 0; i < 20; i++) {
      await open(scene.viewMeetingId); // warm-up
      if (i % 5 === 0) await viewOverHttp();
    }
    const view: number[] = [];
    const httpViews: number[] = [];
    let shape: MeetingView | undefined;
    for (let i = 0; i < VIEWS; i++) {
      if (i % HTTP_EVERY === HTTP_EVERY - 1) httpViews.push(await viewOverHttp());
      const run = await open(scene.viewMeetingId);
      view.push(run.ms);
      shape = run.result;
    }
    const closedView: number[] = [];
    let closed: MeetingView | undefined;
    for (let i = 0; i < Math.round(VIEWS / 2); i++) {
      const run = await open(scene.previousMeetingId);
      closedView.push(run.ms);
      closed = run.result;
    }

    const items = shape!.items;
    return {
      firstBuilds,
      refreshes,
      reads,
      phases,
      agenda: agenda!,
      http: { refresh: httpRefreshes, view: httpViews },
      view,
      closedView,
      viewShape: {
        items: items.length,
        notes: items.reduce((n, item) => n + item.notes.length, 0),
        actions: items.reduce((n, item) => n + item.actions.length, 0),
        shown: items.filter((item) => item.withheld === null).length,
        summaries: items.filter((item) => item.summary !== null).length,
      },
      closedShape: { items: closed!.items.length, shown: closed!.items.filter((item) => item.withheld === null).length },
    };
  } finally {
    await app.close();
  }
}

export async function huddles({ size, serverUrl }: { size: number; serverUrl: string }): Promise<Section> {
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE ${SCRATCH}`);
  const opened = await openDatabase({ kind: 'postgres', url: scratchUrl(serverUrl, SCRATCH) });
  const db = opened.db;
  const referenceDate = isoDateOf(new Date());
  try {
    await opened.migrate();
    console.log(`Synthesising ${size.toLocaleString('en-GB')} people for the huddles benchmark…`);
    const summary = await synthesiseBorough(db, { size, seed: 2017, referenceDate });
    console.log('Setting the scene: case-finding, referrals, tasks, objections, the network huddle and a practice huddle…');
    const scene = await setUpScene(db, size, referenceDate);
    const sealer = startAuditSealer(db, { intervalMs: 200, onError: (error) => console.error(error) });
    let results: Results;
    try {
      results = await measure(opened, scene);
    } finally {
      await sealer.stop();
    }
    return report(summary, scene, results);
  } finally {
    await opened.close();
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  }
}

// ---- the section -------------------------------------------------------------------------------

const ms = (n: number) => n.toFixed(1);
const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function report(summary: { people: number; encounters: number; conditions: number; referrals: number }, scene: Scene, r: Results): Section {
  const c = scene.counts;
  const row = (label: string, s: Stats, target: string) => `| ${label} | ${ms(s.p50)} | **${ms(s.p95)}** | ${ms(s.max)} | ${s.count} | ${target} |`;
  const kinds = reasonCounts(r.agenda);
  const kindWords: [string, string][] = [
    ['admission', 'admitted'],
    ['discharge', 'discharged'],
    ['ae_attendance', 'at A&E'],
    ['referral_accepted', 'referral accepted'],
    ['case_finding_new', 'newly found by case-finding'],
    ['carried_over', 'carried over'],
    ['review_due', 'review due'],
    ['open_tasks', 'open tasks'],
    ['manual', 'raised by hand'],
  ];
  const phaseRows = PHASES.map((phase) => `| ${phase} | ${ms(median(r.phases.map((p) => p[phase])))} |`);
  return {
    title: 'Huddles: building a network agenda, opening the meeting view',
    lines: [
      `Borough: ${n(summary.people)} people, ${n(summary.conditions)} conditions, ${n(summary.encounters)} encounters (seed 2017), synthesised as at ${scene.meetingDate}, the day of the meeting. Network: **${scene.network.name}, ${n(scene.network.people)} people** at ${scene.network.practices} practices, the nearest of the borough's ${scene.networks} networks to ${n((NETWORK_PEOPLE * summary.people) / FULL_BOROUGH)} people (70,000 in the 400,000-person borough, scaled with the borough).`,
      '',
      'The scene, written through the server\'s own services wherever they write it:',
      '',
      `- Case-finding computed over everyone by the synthesis (recomputeEveryone): ${n(c.caseFindingResults!)} results, ${n(c.networkResults!)} in the network. Every one first found 60 days before the meeting, except every ${NEWLY_FOUND_EVERY}th by person (0.5%), first found on one of the 6 days before it: ${n(c.newlyFound!)} in the borough, ${n(c.networkNewlyFound!)} in the network.`,
      `- Referrals as the synthesis leaves them (${n(summary.referrals)} people referred in the borough, accepted two weeks ago or waiting in the inbox); of those waiting in the network's inbox since 1 to 6 days before the meeting, the first ${n(c.acceptedReferrals!)} by person triaged and accepted by a coordinator through the referrals service (moveReferral), 2 and 4 hours after they arrived.`,
      `- ${n(c.objectors!)} of the network's people (every ${OBJECTOR_EVERY}th, 0.2%) objecting to MDT discussion; ${n(c.backgroundTasks!)} open tasks (one in ${TASK_EVERY} of the network's people with a named coordinator, owned by them, some overdue).`,
      `- A weekly network huddle chaired by a GP of ${scene.practice.name} (the network's largest practice, ${n(scene.practice.people)} people), with a nurse and a coordinator of the network as standing members. Its previous meeting, 7 days before: ${ITEMS} people with a hospital event in the week before it; started, attendance of 5, a note and a decision on each item, actions (open tasks) for 10, 14 reviewed (5 to discuss again in 1 week, so due at this meeting; 5 in 4 weeks; 4 with no further review), 6 not reviewed (carried over); closed.`,
      ...(c.synthSeries! + c.synthTasks! > 0
        ? [
            `- Left as the synthesis made them, before the scene: its own demo huddles, ${n(c.synthSeries!)} series, ${n(c.synthMeetings!)} meetings, ${n(c.synthItems!)} agenda items and ${n(c.synthTasks!)} tasks (the first findings it spread over the year are overwritten as above).`,
          ]
        : []),
      '- The window is the 7 days from the previous meeting to this one; its hospital events (admissions, discharges, A&E attendances) are the synthetic encounters, relative to the synthesis day.',
      `- A practice huddle at ${scene.practice.name} the same morning, in progress: ${ITEMS} people (the practice's most admitted in the last year) added by the chair with an SBAR (addManualItem), attendance of 5, a note, a decision and an action on each item, 12 reviewed.`,
      '- VACUUM ANALYZE of every table filled before timing; the audit sealer runs beside the timings, as in a running server.',
      '',
      `**Building the agenda** of the network huddle, by its chair, through buildMeetingAgenda in-process (the function the route POST /huddles/series/:id/meetings/:date/agenda calls, with the AccessContext the route builds): one transaction that opens and locks the meeting, reads the sources over the network, builds the agenda, writes it, decides each person through the gate and records one audit event per person shown. A first build stores the meeting and inserts every item (the meeting was deleted before each one); a refresh finds the items stored and changes only what moved.`,
      '',
      `Agenda: **${n(r.agenda.items.length)} items** (${n(r.agenda.notShown)} not shown to the chair, ${n(r.agenda.objectionsWithheld)} people left off for objecting). People with each reason (a person may have several): ${kindWords
        .filter(([kind]) => kinds[kind])
        .map(([kind, words]) => `${words} ${n(kinds[kind]!)}`)
        .join(', ')}.`,
      '',
      'Times in ms, exact percentiles:',
      '',
      '| measure | p50 | p95 | max | runs | target |',
      '|---|---|---|---|---|---|',
      row('first build (meeting and items written)', stats(r.firstBuilds), 'under 200 ms'),
      row('refresh (items stored, nothing new)', stats(r.refreshes), 'under 200 ms'),
      row('read the built agenda (GET)', stats(r.reads), ''),
      row('refresh over HTTP (app.inject: session, CSRF, response checked and serialised), in turn with the above', stats(r.http.refresh), ''),
      '',
      `Where a refresh's time goes (median of ${PHASE_RUNS}, ms; the same steps as buildMeetingAgenda, each timed, then rolled back):`,
      '',
      '| step | ms |',
      '|---|---|',
      ...phaseRows,
      '',
      `**Opening the meeting view** (GET /huddles/meetings/:id) through readMeetingView in-process, by a community nurse of the network's team whose relationship with each person is their place on the agenda: the practice huddle in progress, ${r.viewShape.items} items, ${r.viewShape.shown} shown with ${r.viewShape.summaries} summaries, ${r.viewShape.notes} notes and decisions, ${r.viewShape.actions} actions. Also the network huddle's closed previous meeting (${r.closedShape.items} items, ${r.closedShape.shown} shown).`,
      '',
      '| measure | p50 | p95 | max | runs | target |',
      '|---|---|---|---|---|---|',
      row('meeting view, 20 items, in progress: server time', stats(r.view), 'under 100 ms'),
      row('meeting view, 20 items, closed: server time', stats(r.closedView), 'under 100 ms'),
      row(`meeting view, in progress, over HTTP (app.inject), one in ${HTTP_EVERY} of the above`, stats(r.http.view), ''),
    ],
  };
}
