/**
 * Where the synthetic directory's services happen and who runs them: Croydon's neighbourhoods,
 * the libraries, community centres, church halls and parks in them, and the organisations
 * (borough-wide charities and the council, and local churches and groups). Organisations and
 * services are invented; the neighbourhoods, parks and postcodes are real, so searches near a
 * postcode find what they should.
 */
import type { LatLong } from '../directory/geo.js';
import { type ActivityCode } from './directory-activities.js';
import { gridToLatLong } from './grid.js';
import { boroughPostcodes, distanceSquared, postTown, streetOf, type PostcodePoint } from './places.js';
import { cumulativeOf, type Random } from './random.js';

export interface Area {
  name: string;
  /**
   * A postcode at the heart of the area. Norbury and South Norwood are mostly SW16 and SE25,
   * which the postcode data does not hold (it has CR postcodes only), so theirs is the nearest
   * CR postcode, on their edge.
   */
  anchor: string;
  /** How much happens there, against the others: busy centres more, quiet suburbs less. */
  weight: number;
  library?: string;
  parks: readonly string[];
}

export const DIRECTORY_TOWN_CENTRE_POSTCODE = 'CR0 1NX';

export const AREAS: readonly Area[] = [
  { name: 'Central Croydon', anchor: DIRECTORY_TOWN_CENTRE_POSTCODE, weight: 3, library: 'Croydon Central Library', parks: ['Park Hill Park', 'Wandle Park', "Queen's Gardens"] },
  { name: 'Thornton Heath', anchor: 'CR7 8RX', weight: 2.5, library: 'Thornton Heath Library', parks: ['Grangewood Park', 'Thornton Heath Recreation Ground'] },
  { name: 'Norbury', anchor: 'CR7 8BZ', weight: 1, library: 'Norbury Library', parks: ['Norbury Park', 'Norbury Hall Park'] },
  { name: 'South Norwood', anchor: 'CR0 6DX', weight: 1, library: 'South Norwood Library', parks: ['South Norwood Country Park', 'South Norwood Lake'] },
  { name: 'Selhurst', anchor: 'CR0 2LY', weight: 1, parks: ['Heavers Meadow'] },
  { name: 'Broad Green', anchor: 'CR0 2NS', weight: 1.5, library: 'Broad Green Library', parks: ['Wandle Park'] },
  { name: 'Addiscombe', anchor: 'CR0 6RB', weight: 2, library: 'Ashburton Library', parks: ['Ashburton Park', 'Addiscombe Railway Park'] },
  { name: 'Woodside', anchor: 'CR0 6XL', weight: 1, parks: ['Woodside Green'] },
  { name: 'Shirley', anchor: 'CR0 5EE', weight: 1.5, library: 'Shirley Library', parks: ['Addington Hills', 'Shirley Park'] },
  { name: 'Monks Orchard', anchor: 'CR0 7NS', weight: 0.5, parks: ['Long Lane Wood'] },
  { name: 'New Addington', anchor: 'CR0 0NA', weight: 2, library: 'New Addington Library', parks: ['Frylands Wood', 'Addington Vale'] },
  { name: 'Forestdale', anchor: 'CR2 8AT', weight: 0.5, parks: ['Selsdon Wood'] },
  { name: 'Selsdon', anchor: 'CR2 8PJ', weight: 1.5, library: 'Selsdon Library', parks: ['Selsdon Wood', 'Littleheath Woods'] },
  { name: 'Sanderstead', anchor: 'CR2 9ES', weight: 1, library: 'Sanderstead Library', parks: ['Sanderstead Plantation', 'Kings Wood'] },
  { name: 'South Croydon', anchor: 'CR2 7PA', weight: 1.5, parks: ['Lloyd Park', 'Haling Grove'] },
  { name: 'Waddon', anchor: 'CR0 4UP', weight: 1, parks: ['Waddon Ponds', 'Duppas Hill'] },
  { name: 'Purley', anchor: 'CR8 2UD', weight: 1.5, library: 'Purley Library', parks: ['Purley Beeches', 'Riddlesdown'] },
  { name: 'Kenley', anchor: 'CR8 5BT', weight: 1, parks: ['Kenley Common'] },
  { name: 'Coulsdon', anchor: 'CR5 2NH', weight: 1.5, library: 'Bradmore Green Library', parks: ['Farthing Downs', 'Happy Valley', 'Coulsdon Common'] },
];

const AREA_CUMULATIVE = cumulativeOf(AREAS.map((a) => a.weight));

export function pickArea(random: Random): Area {
  return AREAS[random.weighted(AREA_CUMULATIVE)]!;
}

/** Venues stand within this distance of their area's anchor, so a venue is where its name says. */
const AREA_RADIUS_METRES = 600;
/** Where an anchor is on the edge of the data, the nearest few postcodes, however far. */
const AREA_MIN_POSTCODES = 5;

let areaPostcodes: Map<string, PostcodePoint[]> | undefined;

/** The postcodes a venue in the area can have, nearest the anchor first; found once. */
export function postcodesIn(area: Area): readonly PostcodePoint[] {
  areaPostcodes ??= new Map(AREAS.map((a) => [a.name, nearAnchor(a.anchor)]));
  return areaPostcodes.get(area.name)!;
}

function nearAnchor(anchor: string): PostcodePoint[] {
  const all = boroughPostcodes();
  const centre = all.find((p) => p.postcode === anchor);
  if (!centre) throw new Error(`The area anchor ${anchor} is not in the postcode data`);
  const byDistance = all.map((p) => ({ p, d: distanceSquared(p, centre) })).sort((a, b) => a.d - b.d);
  const within = byDistance.filter((x) => x.d <= AREA_RADIUS_METRES ** 2);
  return (within.length >= AREA_MIN_POSTCODES ? within : byDistance.slice(0, AREA_MIN_POSTCODES)).map((x) => x.p);
}

const latLongs = new Map<string, LatLong>();

/** A postcode's WGS84 position to six decimal places (about 10 cm), computed once. */
export function latLongOf(point: PostcodePoint): LatLong {
  let found = latLongs.get(point.postcode);
  if (!found) {
    const exact = gridToLatLong(point.east, point.north);
    found = { latitude: round6(exact.latitude), longitude: round6(exact.longitude) };
    latLongs.set(point.postcode, found);
  }
  return found;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export interface Venue {
  id: string;
  addressId: string;
  name: string;
  area: Area;
  postcode: PostcodePoint;
  address1: string;
  town: string;
  /** For a park: where in it to meet. */
  meetingPoint?: string;
  park?: string;
  accessibility: { id: string; description: string }[];
}

const BUILDING_ACCESS = ['Step-free access', 'Accessible toilet', 'Hearing loop', 'Wheelchair accessible throughout', 'Parking nearby', 'Blue Badge parking at the door'];
const PARK_ACCESS = ['Mostly level, surfaced paths', 'Some slopes and uneven ground', 'Benches along the route', 'Toilets at the café'];

function accessibilityOf(random: Random, choices: readonly string[]): Venue['accessibility'] {
  return choices.filter(() => random.chance(0.45)).map((description) => ({ id: random.uuid(), description }));
}

/** A venue at a postcode in the area: a building at a house number, or a park with a meeting point. */
export function makeVenue(random: Random, area: Area, name: string, park?: string): Venue {
  const postcode = random.pick(postcodesIn(area));
  const street = streetOf(postcode.postcode);
  return {
    id: random.uuid(),
    addressId: random.uuid(),
    name,
    area,
    postcode,
    address1: park ? `${park}, ${street}` : `${random.between(1, 180)} ${street}`,
    town: postTown(postcode.postcode),
    ...(park ? { park, meetingPoint: random.pick(['Meet at the main gate', 'Meet at the café', 'Meet by the playground', 'Meet at the car park']) } : {}),
    accessibility: accessibilityOf(random, park ? PARK_ACCESS : BUILDING_ACCESS),
  };
}

/** The public venues every area has: its community centre, its library if it has one, and its parks. */
export interface AreaVenues {
  communityCentre: Venue;
  library?: Venue;
  parks: Venue[];
}

export function areaVenues(random: Random): Map<Area, AreaVenues> {
  return new Map(
    AREAS.map((area) => [
      area,
      {
        communityCentre: makeVenue(random, area, `${area.name} Community Centre`),
        ...(area.library ? { library: makeVenue(random, area, area.library) } : {}),
        parks: area.parks.map((park) => makeVenue(random, area, park, park)),
      },
    ]),
  );
}

export interface Organisation {
  id: string;
  name: string;
  description: string;
  phone: string;
  /** What it runs. */
  repertoire: readonly ActivityCode[];
  /** Where a local group is; undefined for a borough-wide one, which runs things anywhere. */
  area?: Area;
  /** Its own building or office, where it runs what it does not hold elsewhere. */
  base: Venue;
}

export interface BoroughOrganisation {
  name: string;
  /** Its share of the borough-wide services, against the others. */
  weight: number;
  description: string;
  base: string;
  repertoire: readonly ActivityCode[];
}

/**
 * Borough-wide providers, invented (apart from the council itself), so that no real charity is
 * shown running services it does not run; every service, address and phone number is invented.
 */
export const BOROUGH_ORGANISATIONS: readonly BoroughOrganisation[] = [
  {
    name: 'Croydon Later Life Trust',
    weight: 3,
    description: 'A local charity helping older people in Croydon to live well, with advice, activities and practical support.',
    base: 'Later Life Resource Centre',
    repertoire: ['lunch-club', 'befriending', 'exercise-older-people', 'falls-prevention', 'digital-skills', 'benefits-money-advice', 'dementia-cafe'],
  },
  {
    name: 'Croydon Council',
    weight: 3,
    description: "The London Borough of Croydon's services for residents, including libraries, public health and housing.",
    base: 'Croydon Council Customer Centre',
    repertoire: ['walking-group', 'reading-group', 'digital-skills', 'housing-advice', 'falls-prevention', 'benefits-money-advice'],
  },
  {
    name: 'Croydon Minds Together',
    weight: 2,
    description: 'A mental health charity running wellbeing groups, peer support and advice across Croydon.',
    base: 'Minds Together Wellbeing Centre',
    repertoire: ['walking-group', 'arts-crafts', 'gardening', 'befriending', 'singing-music'],
  },
  {
    name: 'Croydon Volunteer Hub',
    weight: 1.5,
    description: "The support body for Croydon's voluntary and community groups, and home to volunteer-run projects.",
    base: 'Volunteer Hub Centre',
    repertoire: ['befriending', 'digital-skills', 'community-transport', 'lunch-club'],
  },
  {
    name: 'Carers Support Centre',
    weight: 1,
    description: 'Information, advice, breaks and groups for unpaid carers of all ages in Croydon.',
    base: 'Carers Support Centre',
    repertoire: ['carers-support-group', 'bereavement-support'],
  },
  {
    name: 'Croydon Advice Centre',
    weight: 1,
    description: 'Free, independent and confidential advice on money, benefits, housing, work and more.',
    base: 'Croydon Advice Centre',
    repertoire: ['benefits-money-advice', 'housing-advice'],
  },
  {
    name: 'Croydon Dementia Friendly Network',
    weight: 1,
    description: 'Local organisations working together to make Croydon a good place to live with dementia.',
    base: 'Dementia Friendly Network office',
    repertoire: ['dementia-cafe', 'carers-support-group', 'singing-music'],
  },
  {
    name: 'Croydon Community Transport',
    weight: 0.5,
    description: 'Accessible minibuses and volunteer drivers for people who cannot easily use public transport.',
    base: 'Croydon Community Transport depot',
    repertoire: ['community-transport'],
  },
  {
    name: 'Croydon Bereavement Network',
    weight: 0.5,
    description: 'Volunteers offering listening support and groups to people who have been bereaved.',
    base: 'Croydon Bereavement Network office',
    repertoire: ['bereavement-support', 'befriending'],
  },
];

/** Where a local group meets: a building of its own, the area's community centre, or a park. */
export type GroupHome = 'own' | 'community-centre' | 'park';

export interface LocalKind {
  weight: number;
  names: readonly ((area: Area, random: Random) => string)[];
  description: (area: Area) => string;
  repertoire: readonly ActivityCode[];
  home: GroupHome;
  /** The name of its own building, given its name; the name itself when absent. */
  building?: (name: string) => string;
}

const SAINTS = ['Mary', 'John', 'Peter', 'Paul', 'Andrew', 'Michael', 'Luke', 'Mark', 'Matthew', 'Stephen', 'George', 'Alban', 'Augustine', 'Barnabas', 'James', 'Margaret', 'Anne', 'Edward', 'Jude'];

export const LOCAL_KINDS: readonly LocalKind[] = [
  {
    weight: 5,
    names: [
      (a, r) => `St ${r.pick(SAINTS)}'s Church, ${a.name}`,
      (a) => `${a.name} Baptist Church`,
      (a) => `${a.name} Methodist Church`,
      (a) => `${a.name} United Reformed Church`,
    ],
    description: (a) => `A church serving ${a.name}, whose groups and activities are open to everyone.`,
    repertoire: ['faith-community-group', 'lunch-club', 'exercise-older-people', 'dementia-cafe', 'bereavement-support', 'singing-music', 'arts-crafts', 'carers-support-group'],
    home: 'own',
    building: (name) => `${name.split(',')[0]} Hall`,
  },
  {
    weight: 1,
    names: [(a) => `${a.name} Islamic Centre`],
    description: (a) => `A mosque and community centre in ${a.name} whose activities are open to all.`,
    repertoire: ['faith-community-group', 'lunch-club', 'exercise-older-people', 'digital-skills'],
    home: 'own',
  },
  {
    weight: 3,
    names: [(a) => `${a.name} Community Association`],
    description: (a) => `A resident-run charity that looks after ${a.name} Community Centre and the activities in it.`,
    repertoire: ['lunch-club', 'exercise-older-people', 'falls-prevention', 'arts-crafts', 'singing-music', 'digital-skills', 'reading-group', 'gardening'],
    home: 'community-centre',
  },
  {
    weight: 1,
    names: [(a) => `${a.name} Residents' Association`],
    description: (a) => `Neighbours working together to keep ${a.name} a good place to live.`,
    repertoire: ['gardening', 'walking-group', 'lunch-club'],
    home: 'community-centre',
  },
  {
    weight: 2,
    names: [(a) => `${a.name} Good Neighbours`],
    description: (a) => `Volunteers helping older and isolated neighbours in ${a.name} with visits, lifts and company.`,
    repertoire: ['befriending', 'community-transport', 'lunch-club'],
    home: 'community-centre',
  },
  {
    weight: 1,
    names: [(a) => `${a.name} Men's Shed`],
    description: (a) => `A community workshop in ${a.name} where people make, mend and chat.`,
    repertoire: ['mens-shed'],
    home: 'own',
  },
  {
    weight: 1,
    names: [(a, r) => `Friends of ${r.pick(a.parks)}`],
    description: (a) => `Volunteers who care for the green spaces of ${a.name} and run activities in them.`,
    repertoire: ['walking-group', 'gardening'],
    home: 'park',
  },
  {
    weight: 1,
    names: [(a) => `${a.name} U3A`],
    description: (a) => `The University of the Third Age in ${a.name}: retired and semi-retired people learning and sharing interests together.`,
    repertoire: ['reading-group', 'walking-group', 'singing-music', 'arts-crafts', 'digital-skills'],
    home: 'community-centre',
  },
  {
    weight: 1,
    names: [(a) => `${a.name} Arts Collective`, (a) => `${a.name} Singers`],
    description: (a) => `A community arts group bringing people in ${a.name} together to make art and music.`,
    repertoire: ['arts-crafts', 'singing-music'],
    home: 'community-centre',
  },
];

export const LOCAL_KIND_CUMULATIVE = cumulativeOf(LOCAL_KINDS.map((k) => k.weight));
