/**
 * The demo borough's huddles, so that anyone trying Kith finds one working: every network has a
 * weekly network huddle at 10:00 on the weekday of the reference date (so there is a meeting on
 * the day the demo is loaded, and every week after), first met four weeks before it, at one of
 * the network's practices, chaired by a GP of the network with one member of each role of its
 * multidisciplinary team standing (a demo account where the role has one there).
 *
 * The demo GP chairs the huddle of their own network (the network of their practice, whose ICN
 * and coordinators teams the demo nurse, coordinator and the other demo accounts sit on), so the
 * demo journey is: sign in as gp@demo.kith.test, open today's meeting, build its agenda.
 * That series has a history: its meetings 14 and 7 days before the reference date were held and
 * closed, each with attendance, a few people (found by the referral rule or referred to the
 * network) with their reasons, notes, decisions and "discuss again in N weeks", one item left
 * unreached at each (the second one carries over to today's meeting), and actions as tasks: some
 * done on time, one overdue (a team's), the demo nurse's and other teams' still open. Today's
 * meeting is not built: its agenda is the chair's to build, and gives carried-over items, reviews
 * falling due and open actions beside what the sources find in the week.
 *
 * Case-finding stamps everyone it finds at load with the load's instant, which would put every
 * person the rule finds on today's agenda as "newly meets a rule". A real borough's rule found
 * them over months: their first finding is spread over the year before the first meeting, except
 * for a few in each network found in the last week, as a nightly run would.
 *
 * Cheap at any size: the series and their members are two set-based statements over the
 * networks, the finding dates three over case-finding's results; the history is a few dozen rows
 * for the one demo network, its people read from the small referral and case-finding tables.
 * Everything is decided by the seed (through the generated ids and the rows they order) and the
 * reference date; row ids are random, as elsewhere in the demo.
 */
import { randomUUID } from 'node:crypto';
import {
  DEMO_EMAIL_DOMAIN,
  WEEKDAYS,
  demoEmail,
  localTimeToInstant,
  meetingInstants,
  type AgendaReason,
  type HospitalEvent,
  type Sbar,
  type StaffRole,
  type TaskPriority,
  type TaskState,
  type TaskTeamRole,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';
import { huddleAgendaItem, huddleAttendance, huddleMeeting, huddleNote, task, taskEvent } from '../db/schema.js';

export interface DemoHuddles {
  /** One per network. */
  series: number;
  /** Held and closed, of the demo GP's series. */
  meetings: number;
  items: number;
  tasks: number;
}

/** Every series meets at this time, local to England, for an hour. */
export const DEMO_HUDDLE_TIME = '10:00';
const DURATION_MINUTES = 60;
/** The first meeting of every series, in days before the reference date. */
export const DEMO_FIRST_MEETING_DAYS_BEFORE = 28;
/** The demo series' meetings held and closed, in days before the reference date. */
export const DEMO_HELD_MEETINGS_DAYS_BEFORE = [14, 7] as const;
/** People in each network first found by a case-finding rule in the week before the reference date. */
export const DEMO_NEWLY_FOUND_PER_NETWORK = 3;
/** One standing member of each of these roles, from the network's teams. */
const STANDING_ROLES: readonly StaffRole[] = ['nurse', 'pharmacist', 'therapist', 'social_worker', 'mental_health', 'coordinator', 'network_lead'];

/** A day some whole days from another (ISO dates). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

const minutesAfter = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);

export async function seedDemoHuddles(db: Db, referenceDate: string): Promise<DemoHuddles> {
  return db.transaction(async (tx) => {
    const series = await seedSeries(tx, referenceDate);
    const demo = await demoSeries(tx);
    const people = demo ? await demoPeople(tx, demo, referenceDate) : new Map<Slot, PickedPerson>();
    await spreadFirstFindings(tx, referenceDate, people);
    const history = demo ? await seedHistory(tx, demo, people, referenceDate) : { meetings: 0, items: 0, tasks: 0 };
    return { series, ...history };
  });
}

/** One weekly network huddle per network, and its standing members. */
async function seedSeries(tx: Db, referenceDate: string): Promise<number> {
  const first = addDays(referenceDate, -DEMO_FIRST_MEETING_DAYS_BEFORE);
  const createdAt = localTimeToInstant(addDays(first, -7), '12:00').toISOString();
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`INSERT INTO huddle_series (id, name, scope, practice_id, network_id, weekday, start_time, duration_minutes, place, frequency,
                                   first_meeting_on, chair_staff_id, created_by, created_at, version)
        SELECT gen_random_uuid(), n.name || ' network huddle', 'network', NULL, n.id, ${weekdayOf(referenceDate)}, ${DEMO_HUDDLE_TIME},
               ${DURATION_MINUTES}, chair.practice_name || ', meeting room', 'weekly', ${first}::date, chair.staff_id, chair.staff_id,
               ${createdAt}::timestamptz, 1
        FROM network n
        JOIN LATERAL (
          SELECT s.id AS staff_id, o.name AS practice_name
          FROM staff_role sr JOIN practice pr ON pr.id = sr.organisation_id JOIN organisation o ON o.id = pr.id JOIN staff s ON s.id = sr.staff_id
          WHERE sr.role = 'gp' AND pr.network_id = n.id AND NOT s.disabled
          ORDER BY s.email <> ${demoEmail('gp')}, o.ods_code, s.email
          LIMIT 1) chair ON true
        RETURNING id`,
  );
  await tx.execute(sql`
    INSERT INTO huddle_series_member (series_id, staff_id)
    SELECT DISTINCT ON (hs.id, sr.role) hs.id, s.id
    FROM huddle_series hs
    JOIN team t ON t.network_id = hs.network_id JOIN team_member tm ON tm.team_id = t.id
    JOIN staff s ON s.id = tm.staff_id JOIN staff_role sr ON sr.staff_id = s.id
    WHERE sr.role = ANY(${sql.param(STANDING_ROLES)}::text[]) AND s.id <> hs.chair_staff_id AND NOT s.disabled
    ORDER BY hs.id, sr.role, s.email NOT LIKE ${`%@${DEMO_EMAIL_DOMAIN}`}, s.email
    ON CONFLICT DO NOTHING`);
  return rows.length;
}

interface DemoSeries {
  id: string;
  networkId: string;
  chair: string;
  /** The chair and standing members by role: the first of each role. */
  staff: Map<StaffRole, string>;
  /** Everyone on the series, with the role they hold, chair first. */
  roster: { staffId: string; role: StaffRole }[];
}

/** Who on the series holds the role (the chair when no one does). */
function staffOf(series: DemoSeries, role: StaffRole): string {
  return series.staff.get(role) ?? series.chair;
}

/** The series the demo GP chairs, with who holds each role on it; none when the borough has no demo GP. */
async function demoSeries(tx: Db): Promise<DemoSeries | undefined> {
  const rows = await rowsOf<{ id: string; network_id: string; chair: string; staff_id: string; role: StaffRole }>(
    tx,
    sql`SELECT hs.id, hs.network_id, hs.chair_staff_id AS chair, m.staff_id, sr.role
        FROM huddle_series hs JOIN staff c ON c.id = hs.chair_staff_id
        JOIN LATERAL (SELECT hs.chair_staff_id AS staff_id, 0 AS k UNION ALL SELECT staff_id, 1 FROM huddle_series_member WHERE series_id = hs.id) m ON true
        JOIN staff_role sr ON sr.staff_id = m.staff_id JOIN staff s ON s.id = m.staff_id
        WHERE c.email = ${demoEmail('gp')}
        ORDER BY m.k, s.email, sr.role`,
  );
  const [head] = rows;
  if (!head) return undefined;
  const staff = new Map<StaffRole, string>();
  for (const row of rows) if (!staff.has(row.role)) staff.set(row.role, row.staff_id);
  const roster = rows.filter((row, i) => rows.findIndex((r) => r.staff_id === row.staff_id) === i).map((r) => ({ staffId: r.staff_id, role: r.role }));
  return { id: head.id, networkId: head.network_id, chair: head.chair, staff, roster };
}

/** The people the demo series' past meetings discussed, each kept for one place in the story. */
type Slot = 'found' | 'foundTasked' | 'worried' | 'admittedEarlier' | 'referred' | 'referredTasked' | 'admittedLater';

interface PickedPerson {
  personId: string;
  /** The reason that first put them on an agenda. */
  reason: Exclude<AgendaReason, { kind: 'carried_over' }>;
}

interface PoolRow {
  person_id: string;
  referral_status: string | null;
  referral_id: string | null;
  accepted_at: Date | string | null;
  rule_id: string | null;
  rule_name: string | null;
}

interface EncounterRow {
  id: string;
  person_id: string;
  class: string;
  start_date: string;
  end_date: string | null;
}

/** A hospital event in a window of days, as an agenda reason gives it. */
function hospitalEventIn(encounter: EncounterRow, from: string, to: string): { event: HospitalEvent; on: string } | undefined {
  const within = (day: string | null) => day !== null && day >= from && day <= to;
  if (encounter.class === 'emergency') return within(encounter.start_date) ? { event: 'ae_attendance', on: encounter.start_date } : undefined;
  if (within(encounter.start_date)) return { event: 'admission', on: encounter.start_date };
  if (within(encounter.end_date)) return { event: 'discharge', on: encounter.end_date! };
  return undefined;
}

const WORRIED_SBAR: Sbar = {
  situation: 'Two falls at home in the last fortnight and more breathless walking to the shops',
  background: 'Lives alone; heart failure and COPD; two emergency admissions this year',
  assessment: 'Frailty rising; at risk of another admission without more support at home',
  recommendation: 'Discuss a care needs assessment and a nurse visit to assess falls risk',
};

const CONCERN_SBAR: Sbar = {
  situation: 'Daughter phoned the surgery: not coping at home and missing medicines',
  background: 'Several long-term conditions; emergency admissions this year',
  assessment: 'Medicines and daily routine need checking before things worsen',
  recommendation: 'Agree who visits this week and whether a medicines review is needed',
};

/**
 * The demo network's people for each place: rule-eligible or referred people, in id order, a
 * place taking the first one not yet taken that suits it (found by the rule and not referred; an
 * active referral, accepted the day of the first held meeting; a hospital stay or A&E visit in
 * the week before the meeting), or failing that anyone left, raised by hand with an SBAR. A
 * small borough may leave places empty.
 */
async function demoPeople(tx: Db, series: DemoSeries, referenceDate: string): Promise<Map<Slot, PickedPerson>> {
  const { networkId } = series;
  const pool = await rowsOf<PoolRow>(
    tx,
    sql`WITH found AS (SELECT DISTINCT ON (person_id) person_id, rule_id FROM case_finding_result ORDER BY person_id, rule_id),
             referred AS (SELECT DISTINCT ON (person_id) person_id, id, status FROM referral WHERE network_id = ${networkId}::uuid
                          ORDER BY person_id, created_at DESC, id),
             pool AS (SELECT person_id FROM found UNION SELECT person_id FROM referred)
        SELECT p.id AS person_id, r.status AS referral_status, r.id AS referral_id,
               (SELECT min(ev.at) FROM referral_event ev
                WHERE ev.referral_id = r.id AND ev.to_state = 'accepted' AND ev.from_state IS DISTINCT FROM 'accepted') AS accepted_at,
               f.rule_id, rr.name AS rule_name
        FROM pool JOIN person p ON p.id = pool.person_id JOIN practice pr ON pr.id = p.registered_practice_id
        LEFT JOIN found f ON f.person_id = p.id LEFT JOIN referred r ON r.person_id = p.id LEFT JOIN referral_rule rr ON rr.id = f.rule_id
        WHERE pr.network_id = ${networkId}::uuid
          AND NOT EXISTS (SELECT 1 FROM consent_record k WHERE k.person_id = p.id AND k.kind = 'mdt_objection')
        ORDER BY p.id
        LIMIT 60`,
  );
  const [heldEarlier, heldLater] = DEMO_HELD_MEETINGS_DAYS_BEFORE.map((days) => addDays(referenceDate, -days)) as [string, string];
  const encounters = await rowsOf<EncounterRow>(
    tx,
    sql`SELECT id, person_id, class, start_date::text AS start_date, end_date::text AS end_date FROM encounter
        WHERE person_id = ANY(${sql.param(pool.map((p) => p.person_id))}::uuid[]) AND class IN ('inpatient', 'emergency')
          AND (start_date BETWEEN ${addDays(heldEarlier, -7)}::date AND ${heldLater}::date
               OR (class = 'inpatient' AND end_date BETWEEN ${addDays(heldEarlier, -7)}::date AND ${heldLater}::date))
        ORDER BY start_date DESC, id`,
  );
  const taken = new Set<string>();
  const picked = new Map<Slot, PickedPerson>();
  const take = (slot: Slot, person: PoolRow | undefined, reason: (p: PoolRow) => PickedPerson['reason']) => {
    if (!person) return;
    taken.add(person.person_id);
    picked.set(slot, { personId: person.person_id, reason: reason(person) });
  };
  const free = (suits: (p: PoolRow) => boolean = () => true) => pool.find((p) => !taken.has(p.person_id) && suits(p));
  const byHand = (sbar: Sbar, addedBy: string, addedAt: Date) => (): PickedPerson['reason'] => ({ kind: 'manual', sbar, addedBy, addedAt: addedAt.toISOString() });
  const found = (p: PoolRow): PickedPerson['reason'] => ({ kind: 'case_finding_new', ruleId: p.rule_id!, ruleName: p.rule_name! });
  const accepted = (p: PoolRow): PickedPerson['reason'] => ({ kind: 'referral_accepted', referralId: p.referral_id!, acceptedAt: new Date(p.accepted_at!).toISOString() });
  const isFound = (p: PoolRow) => p.rule_id !== null && p.referral_id === null;
  const isAccepted = (p: PoolRow) => p.referral_status === 'active' && p.accepted_at !== null && new Date(p.accepted_at) >= localTimeToInstant(heldEarlier, '00:00');

  const hospital = (slot: Slot, meetingDate: string, fallback: Sbar, who: StaffRole) => {
    for (const e of encounters) {
      const event = hospitalEventIn(e, addDays(meetingDate, -7), meetingDate);
      if (!event || taken.has(e.person_id)) continue;
      taken.add(e.person_id);
      picked.set(slot, { personId: e.person_id, reason: { kind: 'hospital_event', event: event.event, encounterId: e.id, on: event.on } });
      return;
    }
    take(slot, free(), byHand(fallback, staffOf(series, who), localTimeToInstant(addDays(meetingDate, -2), '15:30')));
  };
  take('found', free(isFound) ?? free((p) => p.rule_id !== null), found);
  take('foundTasked', free(isFound) ?? free((p) => p.rule_id !== null), found);
  take('referred', free(isAccepted), accepted);
  take('referredTasked', free(isAccepted), accepted);
  hospital('admittedEarlier', heldEarlier, CONCERN_SBAR, 'coordinator');
  hospital('admittedLater', heldLater, CONCERN_SBAR, 'coordinator');
  const worriedAt = localTimeToInstant(addDays(heldEarlier, -1), '14:10');
  take('worried', free((p) => p.referral_status === 'received') ?? free(), byHand(WORRIED_SBAR, staffOf(series, 'nurse'), worriedAt));
  return picked;
}

/**
 * Case-finding's first findings spread from five weeks to a year before the reference date
 * (ordered by person, so the same borough gives the same dates), then a few people in each
 * network found in the last week, and the people the demo series discussed as newly found, found
 * in the week before that meeting.
 */
async function spreadFirstFindings(tx: Db, referenceDate: string, people: Map<Slot, PickedPerson>): Promise<void> {
  const oldest = DEMO_FIRST_MEETING_DAYS_BEFORE + 7;
  await tx.execute(sql`
    UPDATE case_finding_result c
    SET first_found_at = ((${referenceDate}::date - (${oldest} + (r.n * 37) % 330)::int) + time '02:00') AT TIME ZONE 'UTC'
    FROM (SELECT rule_id, person_id, row_number() OVER (ORDER BY person_id, rule_id) AS n FROM case_finding_result) r
    WHERE c.rule_id = r.rule_id AND c.person_id = r.person_id`);
  const discussed = [...people.values()].map((p) => p.personId);
  await tx.execute(sql`
    UPDATE case_finding_result c
    SET first_found_at = ((${referenceDate}::date - (1 + f.k % 5)::int) + time '02:00') AT TIME ZONE 'UTC'
    FROM (SELECT c.rule_id, c.person_id, row_number() OVER (PARTITION BY pr.network_id ORDER BY c.person_id DESC, c.rule_id) - 1 AS k
          FROM case_finding_result c JOIN person p ON p.id = c.person_id JOIN practice pr ON pr.id = p.registered_practice_id
          WHERE NOT EXISTS (SELECT 1 FROM referral r WHERE r.person_id = c.person_id)
            AND c.person_id <> ALL(${sql.param(discussed)}::uuid[])) f
    WHERE c.rule_id = f.rule_id AND c.person_id = f.person_id AND f.k < ${DEMO_NEWLY_FOUND_PER_NETWORK}`);
  const foundAt = localTimeToInstant(addDays(referenceDate, -DEMO_HELD_MEETINGS_DAYS_BEFORE[0] - 3), '02:00').toISOString();
  for (const p of people.values()) {
    if (p.reason.kind !== 'case_finding_new') continue;
    await tx.execute(sql`
      UPDATE case_finding_result SET first_found_at = ${foundAt}::timestamptz WHERE person_id = ${p.personId}::uuid AND rule_id = ${p.reason.ruleId}::uuid`);
  }
}

type Presenter = 'gp' | 'nurse' | 'coordinator' | 'social_worker' | 'pharmacist';

interface ItemPlan {
  slot: Slot;
  reviewed: boolean;
  /** "Discuss again in N weeks"; null for no planned review. */
  weeks: number | null;
  presenter: Presenter;
  /** Why they are on this meeting's agenda, when not the reason that first put them on one (or carried over). */
  openTasks?: number;
  note?: string;
  decision?: string;
}

interface MeetingPlan {
  daysBefore: number;
  /** Roles of the series absent from this meeting. */
  absent: readonly StaffRole[];
  items: readonly ItemPlan[];
}

/**
 * The two meetings held. At the first, the person raised with a hospital stay is not reached
 * and comes back at the second; at the second, the one raised with a hospital stay then is not
 * reached and comes to today's. Reviews set at the first (in 2 weeks) and the second (in 1
 * week) fall due today.
 */
const HELD: readonly MeetingPlan[] = [
  {
    daysBefore: DEMO_HELD_MEETINGS_DAYS_BEFORE[0],
    absent: ['therapist', 'network_lead'],
    items: [
      {
        slot: 'found',
        reviewed: true,
        weeks: 2,
        presenter: 'gp',
        note: 'Newly meets the referral rule. Known to the practice; managing at home with help from a neighbour.',
        decision: 'Nurse to visit at home to assess falls risk; discuss again in two weeks with the outcome.',
      },
      {
        slot: 'foundTasked',
        reviewed: true,
        weeks: 3,
        presenter: 'nurse',
        note: 'Newly meets the referral rule. Frequent A&E attendances with breathlessness; no care plan yet.',
        decision: 'Community nursing to agree a breathlessness plan with them.',
      },
      {
        slot: 'worried',
        reviewed: true,
        weeks: null,
        presenter: 'nurse',
        note: 'Raised by the nurse: two falls at home and more breathless. Lives alone.',
        decision: 'Adult social care to assess care needs; no further huddle review planned unless things change.',
      },
      { slot: 'admittedEarlier', reviewed: false, weeks: null, presenter: 'coordinator' },
    ],
  },
  {
    daysBefore: DEMO_HELD_MEETINGS_DAYS_BEFORE[1],
    absent: ['mental_health', 'pharmacist'],
    items: [
      {
        slot: 'admittedEarlier',
        reviewed: true,
        weeks: 1,
        presenter: 'coordinator',
        note: 'Carried over from last week. Home from hospital; daughter doing most of the caring.',
        decision: 'Coordinator to agree a carers plan with the daughter; discuss again next week.',
      },
      {
        slot: 'referred',
        reviewed: true,
        weeks: 1,
        presenter: 'coordinator',
        note: 'Referral accepted; first home visit done and consent to share recorded.',
        decision: 'Nurse to review the care plan at home this week; discuss again next week.',
      },
      {
        slot: 'referredTasked',
        reviewed: true,
        weeks: 4,
        presenter: 'gp',
        note: 'Referral accepted. Nine regular medicines; dizzy on standing.',
        decision: 'Pharmacist to review the medicines; discuss again in four weeks.',
      },
      {
        slot: 'foundTasked',
        reviewed: true,
        weeks: 2,
        presenter: 'nurse',
        openTasks: 1,
        note: 'Breathlessness plan not yet agreed: the visit is still to be booked.',
        decision: 'Keep the action open; discuss again in two weeks.',
      },
      { slot: 'admittedLater', reviewed: false, weeks: null, presenter: 'gp' },
    ],
  },
];

interface TaskPlan {
  meeting: 0 | 1;
  slot: Slot;
  title: string;
  owner: { staff: StaffRole } | { team: TaskTeamRole };
  /** Due, in days from the reference date. */
  due: number;
  priority: TaskPriority;
  state: TaskState;
  /** When done: the day, in days from the reference date. */
  completed?: number;
}

const ACTIONS: readonly TaskPlan[] = [
  { meeting: 0, slot: 'found', title: 'Visit at home to assess falls risk', owner: { staff: 'nurse' }, due: -10, priority: 'high', state: 'done', completed: -11 },
  { meeting: 0, slot: 'worried', title: 'Ask adult social care for a care needs assessment', owner: { team: 'social_worker' }, due: -7, priority: 'normal', state: 'done', completed: -9 },
  { meeting: 0, slot: 'foundTasked', title: 'Agree a breathlessness plan at home', owner: { team: 'nurse' }, due: -3, priority: 'high', state: 'open' },
  { meeting: 1, slot: 'admittedEarlier', title: 'Agree a carers plan with the daughter', owner: { staff: 'coordinator' }, due: -3, priority: 'normal', state: 'done', completed: -4 },
  { meeting: 1, slot: 'referred', title: 'Review the care plan at a home visit', owner: { staff: 'nurse' }, due: 2, priority: 'normal', state: 'open' },
  { meeting: 1, slot: 'referredTasked', title: 'Structured medication review', owner: { team: 'pharmacist' }, due: 5, priority: 'normal', state: 'in_progress' },
];

/**
 * The demo series' held meetings, written as a meeting in progress would write them (its agenda
 * as built the afternoon before, attendance, items reviewed with notes and decisions, actions),
 * then closed: once closed, the database freezes the record.
 */
async function seedHistory(tx: Db, series: DemoSeries, people: Map<Slot, PickedPerson>, referenceDate: string): Promise<{ meetings: number; items: number; tasks: number }> {
  const byRole = (role: StaffRole) => staffOf(series, role);
  const meetingIds: string[] = [];
  const itemIds = new Map<string, string>();
  let items = 0;
  const carried = new Set<Slot>();
  for (const [index, plan] of HELD.entries()) {
    const date = addDays(referenceDate, -plan.daysBefore);
    const { startsAt, endsAt } = meetingInstants({ startTime: DEMO_HUDDLE_TIME, durationMinutes: DURATION_MINUTES }, date);
    const id = randomUUID();
    meetingIds.push(id);
    await tx.insert(huddleMeeting).values({
      id,
      seriesId: series.id,
      meetsOn: date,
      startsAt,
      endsAt,
      state: 'in_progress',
      agendaBuiltAt: localTimeToInstant(addDays(date, -1), '16:00'),
      openedAt: minutesAfter(startsAt, 1),
      openedBy: series.chair,
      version: 2,
    });
    const present = series.roster.filter((member) => !plan.absent.includes(member.role) || member.staffId === series.chair);
    await tx.insert(huddleAttendance).values(present.map((member) => ({ meetingId: id, staffId: member.staffId, role: member.role, recordedAt: minutesAfter(startsAt, 2) })));
    const planned = plan.items.filter((item) => people.has(item.slot));
    const rows = planned.map((item, position) => {
      const person = people.get(item.slot)!;
      const wasCarried = carried.has(item.slot);
      const reasons: AgendaReason[] = wasCarried
        ? [{ kind: 'carried_over', meetings: 1 }]
        : item.openTasks
          ? [{ kind: 'open_tasks', count: item.openTasks }]
          : [person.reason];
      const raised = !wasCarried && !item.openTasks && person.reason.kind === 'manual' ? person.reason : null;
      const reviewedAt = minutesAfter(startsAt, 6 + position * 9);
      return {
        id: randomUUID(),
        meetingId: id,
        personId: person.personId,
        position: position + 1,
        reasons,
        carriedCount: wasCarried ? 1 : 0,
        sbar: raised?.sbar ?? null,
        addedBy: raised?.addedBy ?? null,
        reviewed: item.reviewed,
        reviewedAt: item.reviewed ? reviewedAt : null,
        presenterStaffId: item.reviewed ? byRole(item.presenter) : null,
        discussAgainInWeeks: item.weeks,
        nextReviewOn: item.weeks === null ? null : addDays(date, item.weeks * 7),
      };
    });
    for (const item of planned) if (!item.reviewed) carried.add(item.slot);
    if (rows.length > 0) await tx.insert(huddleAgendaItem).values(rows);
    items += rows.length;
    const notes = planned.flatMap((item, position) => {
      const row = rows[position]!;
      itemIds.set(`${index}:${item.slot}`, row.id);
      const writtenBy = byRole(item.presenter);
      return [
        ...(item.note ? [{ kind: 'note', text: item.note, at: minutesAfter(row.reviewedAt ?? startsAt, -3) }] : []),
        ...(item.decision ? [{ kind: 'decision', text: item.decision, at: minutesAfter(row.reviewedAt ?? startsAt, -1) }] : []),
      ].map((n) => ({ id: randomUUID(), meetingId: id, agendaItemId: row.id, personId: row.personId, kind: n.kind, text: n.text, writtenBy, writtenAt: n.at }));
    });
    if (notes.length > 0) await tx.insert(huddleNote).values(notes);
  }
  const tasks = await seedActions(tx, series, people, referenceDate, meetingIds, itemIds);
  // Closed last: from here on the database refuses any change to these meetings' records.
  await tx.execute(sql`
    UPDATE huddle_meeting SET state = 'closed', closed_at = ends_at - interval '2 minutes', closed_by = ${series.chair}::uuid, version = version + 1
    WHERE id = ANY(${sql.param(meetingIds)}::uuid[])`);
  return { meetings: meetingIds.length, items, tasks };
}

async function seedActions(
  tx: Db,
  series: DemoSeries,
  people: Map<Slot, PickedPerson>,
  referenceDate: string,
  meetingIds: readonly string[],
  itemIds: ReadonlyMap<string, string>,
): Promise<number> {
  const byRole = (role: StaffRole) => staffOf(series, role);
  const planned = ACTIONS.filter((a) => people.has(a.slot) && itemIds.has(`${a.meeting}:${a.slot}`));
  if (planned.length === 0) return 0;
  const tasks = planned.map((a) => {
    const meetingDate = addDays(referenceDate, -HELD[a.meeting]!.daysBefore);
    const createdAt = localTimeToInstant(meetingDate, '10:40');
    const due = addDays(referenceDate, a.due);
    const owner = 'staff' in a.owner ? { ownerStaffId: byRole(a.owner.staff), ownerRole: null } : { ownerStaffId: null, ownerRole: a.owner.team };
    const mover = byRole('staff' in a.owner ? a.owner.staff : a.owner.team);
    const moves: { from: TaskState; to: TaskState; at: Date }[] = [];
    if (a.state === 'in_progress') moves.push({ from: 'open', to: 'in_progress', at: localTimeToInstant(addDays(meetingDate, 2), '11:15') });
    if (a.state === 'done') moves.push({ from: 'open', to: 'done', at: localTimeToInstant(addDays(referenceDate, a.completed!), '15:20') });
    return {
      row: {
        id: randomUUID(),
        title: a.title,
        detail: null,
        personId: people.get(a.slot)!.personId,
        networkId: series.networkId,
        meetingId: meetingIds[a.meeting]!,
        agendaItemId: itemIds.get(`${a.meeting}:${a.slot}`)!,
        ...owner,
        dueOn: due,
        firstDueOn: due,
        priority: a.priority,
        state: a.state,
        completedOn: a.state === 'done' ? addDays(referenceDate, a.completed!) : null,
        createdBy: series.chair,
        createdAt,
        version: 1 + moves.length,
      },
      mover,
      moves,
    };
  });
  await tx.insert(task).values(tasks.map((t) => t.row));
  await tx.insert(taskEvent).values(
    tasks.flatMap((t) => [
      { id: randomUUID(), taskId: t.row.id, kind: 'created', fromState: null, toState: 'open', staffId: series.chair, at: t.row.createdAt, version: 1 },
      ...t.moves.map((m, i) => ({ id: randomUUID(), taskId: t.row.id, kind: 'moved', fromState: m.from, toState: m.to, text: null, staffId: t.mover, at: m.at, version: 2 + i })),
    ]),
  );
  return tasks.length;
}
