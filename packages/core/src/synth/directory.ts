/**
 * A synthetic community directory for the demo borough (Croydon) and for benchmarks: services as
 * an Open Referral UK v3 feed would publish them (HSDS 3.0 field names, each one shaped as the
 * `/services/{id}` response), so the demo and the benchmarks load them through the same import
 * as a real feed. Pure and deterministic: the same options give the same feed, byte for byte.
 *
 * Guarantee, for demos and tests: whenever there are at least two services, the first is an
 * active, free lunch club every Thursday 12:00 to 14:00 in central Croydon, within 2 km of the
 * town centre postcode CR0 1NX (DIRECTORY_TOWN_CENTRE_POSTCODE), and the second an active walking group.
 */
import { daysInMonth, isIsoDate } from '../people/dates.js';
import { DomainError } from '../errors.js';
import type { RecurrenceWeekday } from '../directory/oruk/formats.js';
import type { DirectoryService } from '../directory/oruk/model.js';
import type { OrukCostOption, OrukLanguage, OrukSchedule } from '../directory/oruk/model-parts.js';
import type { OrukServiceAtLocation } from '../directory/oruk/model-places.js';
import { orukPage, type OrukPage } from '../directory/oruk/pages.js';
import { dayNumber, isoDateOfDay } from './calendar.js';
import { londonLandline } from './contact-details.js';
import {
  ACTIVITIES,
  DIRECTORY_VOCABULARY,
  type ActivityCode,
  type ActivityProfile,
  type Rhythm,
  type Timing,
  type Wording,
} from './directory-activities.js';
import {
  AREAS,
  BOROUGH_ORGANISATIONS,
  LOCAL_KIND_CUMULATIVE,
  LOCAL_KINDS,
  areaVenues,
  latLongOf,
  makeVenue,
  pickArea,
  type Area,
  type AreaVenues,
  type LocalKind,
  type Organisation,
  type Venue,
} from './directory-places.js';
import { cumulativeOf, Random } from './random.js';

export { DIRECTORY_VOCABULARY, type ActivityCode as DirectoryActivityCode, type ActivityTerm as DirectoryActivityTerm } from './directory-activities.js';
export { DIRECTORY_TOWN_CENTRE_POSTCODE } from './directory-places.js';

export interface SyntheticDirectoryOptions {
  /** How many services, 0 to MAX_DIRECTORY_SERVICES. */
  services: number;
  seed: number;
  /** The day the directory is "as at" (YYYY-MM-DD): services were last checked up to 18 months before it. */
  referenceDate: string;
}

export const MAX_DIRECTORY_SERVICES = 100_000;

/** Every service on one ORUK v3 page, as `GET /services` answers when asked for them all. */
export interface SyntheticDirectory {
  feed: OrukPage<DirectoryService>;
}

/** Random streams of the directory's own, apart from the borough's (random.ts), so neither moves the other. */
const DIRECTORY_STREAM = { venues: 101, organisations: 102, service: 103 } as const;

/**
 * Borough-wide providers run this share of the services, and local groups about three each, so
 * there is about one organisation for every four services (fewer past some thousands of services,
 * when the borough runs out of new group names and groups run more each).
 */
const BOROUGH_SHARE = 0.4;
const LOCAL_SERVICES_PER_GROUP = 3;
/** Consecutive name clashes after which the borough has run out of new local group names. */
const NAME_TRIES = 200;

interface World {
  referenceDay: number;
  venues: Map<Area, AreaVenues>;
  borough: Organisation[];
  local: Organisation[];
  usedNames: Set<string>;
}

export function synthesiseDirectory(options: SyntheticDirectoryOptions): SyntheticDirectory {
  checkOptions(options);
  const world = planWorld(options);
  const contents = Array.from({ length: options.services }, (_, index) => synthesiseService(world, options.seed, index));
  return { feed: orukPage(contents, { page: 1, perPage: Math.max(1, contents.length), totalItems: contents.length }) };
}

function checkOptions({ services, seed, referenceDate }: SyntheticDirectoryOptions): void {
  if (!Number.isSafeInteger(seed)) throw DomainError.field('seed', 'Must be a whole number');
  if (!Number.isInteger(services) || services < 0 || services > MAX_DIRECTORY_SERVICES) {
    throw DomainError.field('services', `Must be a whole number from 0 to ${MAX_DIRECTORY_SERVICES}`);
  }
  if (!isIsoDate(referenceDate) || referenceDate < '1990-01-01') {
    throw DomainError.field('referenceDate', 'Must be a real date from 1990 on, written as YYYY-MM-DD');
  }
}

function planWorld({ seed, services, referenceDate }: SyntheticDirectoryOptions): World {
  const venues = areaVenues(new Random(seed, DIRECTORY_STREAM.venues));
  const random = new Random(seed, DIRECTORY_STREAM.organisations);
  const borough = BOROUGH_ORGANISATIONS.map((o) => ({
    id: random.uuid(),
    name: o.name,
    description: o.description,
    phone: londonLandline(random),
    repertoire: o.repertoire,
    base: makeVenue(random, AREAS[0]!, o.base),
  }));
  const localCount = Math.max(3, Math.round((services * (1 - BOROUGH_SHARE)) / LOCAL_SERVICES_PER_GROUP));
  return { referenceDay: dayNumber(referenceDate), venues, borough, local: localGroups(random, venues, localCount), usedNames: new Set() };
}

/** Local groups with names all different; fewer than asked for once the borough runs out of names. */
function localGroups(random: Random, venues: Map<Area, AreaVenues>, count: number): Organisation[] {
  const groups: Organisation[] = [];
  const names = new Set<string>();
  for (let clashes = 0; groups.length < count && clashes < NAME_TRIES; ) {
    const area = pickArea(random);
    const kind = LOCAL_KINDS[random.weighted(LOCAL_KIND_CUMULATIVE)]!;
    const name = random.pick(kind.names)(area, random);
    if (names.has(name)) {
      clashes++;
      continue;
    }
    clashes = 0;
    names.add(name);
    groups.push(localGroup(random, area, kind, name, venues.get(area)!));
  }
  return groups;
}

function localGroup(random: Random, area: Area, kind: LocalKind, name: string, venues: AreaVenues): Organisation {
  const id = random.uuid();
  const phone = londonLandline(random);
  const base =
    kind.home === 'own'
      ? makeVenue(random, area, kind.building?.(name) ?? name)
      : kind.home === 'park'
        ? (venues.parks.find((p) => name.endsWith(p.name)) ?? venues.parks[0]!)
        : venues.communityCentre;
  return { id, name, description: kind.description(area), phone, repertoire: kind.repertoire, area, base };
}

/** A session pattern, before it is written as an HSDS schedule. */
interface Session {
  freq: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday: string;
  dtstart?: string;
  opens: string;
  closes: string;
}

interface ServicePlan {
  organisation: Organisation;
  activity: ActivityCode;
  area: Area;
  venue: Venue;
  sessions: Session[];
  free: boolean;
  active: boolean;
}

function synthesiseService(world: World, seed: number, index: number): DirectoryService {
  const random = new Random(seed, DIRECTORY_STREAM.service, index);
  const plan = index === 0 ? townCentreLunchClub(random, world) : index === 1 ? walkingGroup(random, world) : drawPlan(random, world);
  return serviceJson(random, world, plan);
}

/** The guaranteed lunch club: free, every Thursday 12:00 to 14:00, in central Croydon. */
function townCentreLunchClub(random: Random, world: World): ServicePlan {
  const organisation = world.borough.find((o) => o.repertoire.includes('lunch-club'))!;
  const plan = drawPlan(random, world, organisation, 'lunch-club', AREAS[0]!);
  const sessions: Session[] = [{ freq: 'WEEKLY', byday: 'TH', opens: '12:00', closes: '14:00' }];
  return { ...plan, venue: world.venues.get(AREAS[0]!)!.communityCentre, sessions, free: true, active: true };
}

function walkingGroup(random: Random, world: World): ServicePlan {
  const organisation = world.borough.find((o) => o.repertoire.includes('walking-group'))!;
  return { ...drawPlan(random, world, organisation, 'walking-group'), active: true };
}

function drawPlan(random: Random, world: World, chosen?: Organisation, chosenActivity?: ActivityCode, chosenArea?: Area): ServicePlan {
  const organisation = chosen ?? pickOrganisation(random, world);
  const activity = chosenActivity ?? pickActivity(random, organisation.repertoire);
  const profile = ACTIVITIES[activity];
  // A borough-wide provider runs it anywhere; visits and lifts are run from its base but named for where they go.
  const area = chosenArea ?? organisation.area ?? pickArea(random);
  return {
    organisation,
    activity,
    area,
    venue: venueFor(random, world, organisation, activity, area),
    sessions: drawSessions(random, profile.timing, world.referenceDay),
    free: !(profile.charge && random.chance(profile.charge.chance)),
    active: !random.chance(0.03),
  };
}

const BOROUGH_CUMULATIVE = cumulativeOf(BOROUGH_ORGANISATIONS.map((o) => o.weight));

function pickOrganisation(random: Random, world: World): Organisation {
  if (world.local.length > 0 && !random.chance(BOROUGH_SHARE)) return random.pick(world.local);
  return world.borough[random.weighted(BOROUGH_CUMULATIVE)]!;
}

function pickActivity(random: Random, repertoire: readonly ActivityCode[]): ActivityCode {
  return repertoire[random.weighted(cumulativeOf(repertoire.map((code) => ACTIVITIES[code].weight)))]!;
}

/** Outdoors in a park; a local group at home; borough-wide providers in the area's library or community centre. */
function venueFor(random: Random, world: World, organisation: Organisation, activity: ActivityCode, area: Area): Venue {
  const profile: ActivityProfile = ACTIVITIES[activity];
  const shared = world.venues.get(area)!;
  // Walks always meet in a park; gardening groups also tend community centres' gardens.
  const outdoors = profile.outdoors && (activity === 'walking-group' || random.chance(0.6));
  if (outdoors) return organisation.base.park && organisation.area === area ? organisation.base : random.pick(shared.parks);
  if (organisation.area || profile.fromBase) return organisation.base;
  const libraryFits = activity === 'reading-group' || activity === 'digital-skills' || random.chance(0.3);
  return shared.library && libraryFits ? shared.library : shared.communityCentre;
}

const RHYTHMS: readonly Rhythm[] = ['weekly', 'twice', 'thrice', 'fortnightly', 'monthly', 'weekdays'];
const WEEK: readonly RecurrenceWeekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_NAMES: Record<RecurrenceWeekday, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
/** Which week of the month a monthly session keeps: mostly early in the month, some the last. */
const NTH_IN_MONTH = [1, 1, 2, 2, 3, 4, -1];

/** One or two schedules in the activity's usual pattern; the second on another day at other hours. */
function drawSessions(random: Random, timing: Timing, referenceDay: number): Session[] {
  const rhythm = RHYTHMS[random.weighted(cumulativeOf(RHYTHMS.map((r) => timing.rhythms[r] ?? 0)))]!;
  const [opens, closes] = random.pick(timing.hours);
  const first = sessionFor(random, rhythm, timing.days, referenceDay, opens, closes);
  if (rhythm === 'weekdays' || !random.chance(timing.second)) return [first];
  const taken = new Set(first.byday.split(',').map((d) => d.slice(-2)));
  const others = timing.days.filter((d) => !taken.has(d));
  if (others.length === 0) return [first];
  const [opens2, closes2] = random.pick(timing.hours);
  return [first, { freq: 'WEEKLY', byday: random.pick(others), opens: opens2, closes: closes2 }];
}

function sessionFor(random: Random, rhythm: Rhythm, days: readonly RecurrenceWeekday[], referenceDay: number, opens: string, closes: string): Session {
  const day = random.pick(days);
  // Started some months or years ago: dtstart is the first session, on the schedule's own day.
  const began = referenceDay - random.between(30, 900);
  switch (rhythm) {
    case 'weekdays':
      return { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens, closes };
    case 'twice':
      return { freq: 'WEEKLY', byday: someDays(random, days, 2), opens, closes };
    case 'thrice':
      return { freq: 'WEEKLY', byday: someDays(random, days, 3), opens, closes };
    case 'fortnightly':
      return { freq: 'WEEKLY', interval: 2, byday: day, dtstart: isoDateOfDay(onOrAfter(began, day)), opens, closes };
    case 'monthly': {
      const nth = random.pick(NTH_IN_MONTH);
      return { freq: 'MONTHLY', byday: `${nth}${day}`, dtstart: isoDateOfDay(nthInMonth(began, day, nth)), opens, closes };
    }
    default:
      return { freq: 'WEEKLY', byday: day, opens, closes };
  }
}

/** Different days in week order, such as TU,TH. */
function someDays(random: Random, days: readonly RecurrenceWeekday[], count: number): string {
  const left = [...days];
  const chosen = Array.from({ length: count }, () => left.splice(random.int(left.length), 1)[0]!);
  return chosen.sort((a, b) => WEEK.indexOf(a) - WEEK.indexOf(b)).join(',');
}

/** Monday 0 to Sunday 6 (day 0, 1 January 1970, was a Thursday). */
const weekdayIndex = (day: number) => (((day + 3) % 7) + 7) % 7;

function onOrAfter(day: number, weekday: RecurrenceWeekday): number {
  return day + ((WEEK.indexOf(weekday) - weekdayIndex(day) + 7) % 7);
}

/** The nth weekday of the month the day is in (nth -1 is the last); every month has a first to fourth. */
function nthInMonth(day: number, weekday: RecurrenceWeekday, nth: number): number {
  const [year, month] = isoDateOfDay(day).split('-').map(Number) as [number, number];
  const first = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  if (nth > 0) return onOrAfter(first, weekday) + 7 * (nth - 1);
  const last = first + daysInMonth(year, month) - 1;
  return last - ((weekdayIndex(last) - WEEK.indexOf(weekday) + 7) % 7);
}

const TERMS = new Map(DIRECTORY_VOCABULARY.map((t) => [t.code, t]));

const PAUSES = [
  'Paused while the hall is being refurbished; due to reopen soon.',
  'Taking a break over the summer; back in September.',
  'Paused while we look for new volunteers. Phone to hear when it restarts.',
];

const OTHER_LANGUAGES: readonly (readonly [string, string])[] = [
  ['Tamil', 'ta'],
  ['Polish', 'pl'],
  ['Urdu', 'ur'],
  ['Gujarati', 'gu'],
  ['Portuguese', 'pt'],
  ['Somali', 'so'],
  ['Twi', 'tw'],
];

function serviceJson(random: Random, world: World, plan: ServicePlan): DirectoryService {
  const { organisation, activity, venue } = plan;
  const profile = ACTIVITIES[activity];
  const term = TERMS.get(activity)!;
  const wording = wordingFor(plan);
  const place = serviceAtLocation(random, venue);
  const minimumAge = profile.ages && random.chance(profile.ages.chance) ? random.pick(profile.ages.from) : undefined;
  return {
    id: random.uuid(),
    name: serviceName(random, world.usedNames, profile, wording, plan),
    description: random.pick(profile.descriptions)(wording),
    status: plan.active ? 'active' : 'temporarily closed',
    ...(plan.active ? {} : { alert: random.pick(PAUSES) }),
    ...(minimumAge === undefined ? {} : { minimum_age: minimumAge }),
    assured_date: assuredDate(random, world.referenceDay),
    organization: { id: organisation.id, name: organisation.name, description: organisation.description, organization_identifiers: [] },
    phones: [{ id: random.uuid(), number: organisation.phone, type: 'voice' }],
    schedules: plan.sessions.map((s) => scheduleJson(random, s, place.id)),
    service_areas: [],
    service_at_locations: [place],
    languages: languages(random),
    funding: [],
    cost_options: [costOption(random, profile, plan.free)],
    contacts: [],
    attributes: [{ id: random.uuid(), taxonomy_term_id: term.id, taxonomy_term: { ...term } }],
  };
}

function wordingFor({ area, venue, organisation, sessions }: ServicePlan): Wording {
  const only = sessions.length === 1 && sessions[0]!.freq === 'WEEKLY' && !sessions[0]!.interval && !sessions[0]!.byday.includes(',');
  return {
    area: area.name,
    venue: venue.name,
    park: venue.park ?? '',
    organisation: organisation.name,
    day: only ? DAY_NAMES[sessions[0]!.byday as RecurrenceWeekday] : '',
    timeOfDay: timeOfDay(sessions[0]!.opens),
  };
}

function timeOfDay(opens: string): Wording['timeOfDay'] {
  if (opens < '12:00') return 'morning';
  return opens < '17:00' ? 'afternoon' : 'evening';
}

/**
 * A name no other service has yet: a few tries at the activity's patterns, then one naming the
 * venue, then the day. Past some thousands of services names repeat, as they do in big directories.
 */
function serviceName(random: Random, used: Set<string>, profile: ActivityProfile, wording: Wording, plan: ServicePlan): string {
  const tries = Array.from({ length: 3 }, () => random.pick(profile.names)(wording));
  const base = tries[0]!;
  const day = DAY_NAMES[plan.sessions[0]!.byday.slice(-2) as RecurrenceWeekday];
  // "at the venue" says nothing new when the name already names it or the provider whose building it is.
  const atVenue = base.includes(plan.venue.name) || base.includes(plan.organisation.name) || plan.venue === plan.organisation.base;
  const candidates = [...tries, ...(atVenue ? [] : [`${base} at ${plan.venue.name}`]), `${base} (${day}s)`];
  const name = candidates.find((c) => !used.has(c)) ?? base;
  used.add(name);
  return name;
}

function serviceAtLocation(random: Random, venue: Venue): OrukServiceAtLocation {
  const { latitude, longitude } = latLongOf(venue.postcode);
  return {
    id: random.uuid(),
    location: {
      id: venue.id,
      location_type: 'physical',
      name: venue.name,
      ...(venue.meetingPoint ? { description: venue.meetingPoint } : {}),
      latitude,
      longitude,
      addresses: [
        {
          id: venue.addressId,
          address_1: venue.address1,
          city: venue.town,
          state_province: 'Greater London',
          postal_code: venue.postcode.postcode,
          country: 'GB',
          address_type: 'physical',
        },
      ],
      accessibility: venue.accessibility.map((a) => ({ ...a })),
    },
  };
}

function scheduleJson(random: Random, session: Session, serviceAtLocationId: string): OrukSchedule {
  return {
    id: random.uuid(),
    service_at_location_id: serviceAtLocationId,
    freq: session.freq,
    ...(session.interval ? { interval: session.interval } : {}),
    byday: session.byday,
    ...(session.dtstart ? { dtstart: session.dtstart } : {}),
    opens_at: session.opens,
    closes_at: session.closes,
  };
}

function costOption(random: Random, profile: ActivityProfile, free: boolean): OrukCostOption {
  const id = random.uuid();
  if (free || !profile.charge) return { id, option: 'Free', currency: 'GBP', amount: 0 };
  return { id, option: profile.charge.what, currency: 'GBP', amount: random.pick(profile.charge.amounts) };
}

function languages(random: Random): OrukLanguage[] {
  const english: OrukLanguage = { id: random.uuid(), name: 'English', code: 'en' };
  if (!random.chance(0.06)) return [english];
  const [name, code] = random.pick(OTHER_LANGUAGES);
  return [english, { id: random.uuid(), name, code }];
}

/** Last checked within 18 months: about two in three in the last six, the rest gone stale. */
function assuredDate(random: Random, referenceDay: number): string {
  const daysAgo = random.chance(0.65) ? random.between(0, 182) : random.between(183, 547);
  return isoDateOfDay(referenceDay - daysAgo);
}
