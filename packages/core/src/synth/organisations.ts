/**
 * The alliance's partner organisations, its GP practices and the Integrated Community Networks
 * they form. Everything is fictional ("Kith" is the borough) but shaped like the real thing:
 * ODS codes follow the directory's patterns (trusts R + two characters, an integrated care
 * board Q + two, GP practices a letter and five digits) and were invented, not looked up.
 */
import type { OrganisationType } from '../registry/roles.js';
import { londonLandline } from './contact-details.js';
import { addressAt, boroughPostcodes, distanceSquared, postTown, type PostcodePoint } from './places.js';
import type { Random } from './random.js';
import type { OrganisationRow, PracticeRow } from './rows.js';

export const BOROUGH_NAME = 'Kith';

export type PartnerKey = 'trust' | 'mentalHealthTrust' | 'commissioner' | 'council' | 'gpCollaborative' | 'voluntary';

const PARTNERS: ReadonlyArray<{ key: PartnerKey; name: string; type: OrganisationType; odsCode: string }> = [
  { key: 'trust', name: 'Kith Health and Care NHS Trust', type: 'nhs_trust', odsCode: 'RK7' },
  { key: 'mentalHealthTrust', name: 'Kith and Downs Mental Health NHS Foundation Trust', type: 'mental_health_trust', odsCode: 'RK8' },
  { key: 'commissioner', name: 'NHS Kith Integrated Care Board', type: 'commissioner', odsCode: 'QK7' },
  { key: 'council', name: 'London Borough of Kith', type: 'council', odsCode: 'K7L' },
  { key: 'gpCollaborative', name: 'Kith GP Collaborative', type: 'gp_collaborative', odsCode: 'U97001' },
  { key: 'voluntary', name: 'Age Well Kith', type: 'voluntary', odsCode: 'NK701' },
];

export function partnerOrganisations(random: Random): Record<PartnerKey, OrganisationRow> {
  const entries = PARTNERS.map(({ key, ...row }) => [key, { id: random.uuid(), ...row }] as const);
  return Object.fromEntries(entries) as Record<PartnerKey, OrganisationRow>;
}

const PRACTICE_NAMES = `Ashgrove|Beechcroft|Birchwood|Brookside|Cedar House|Chestnut Lodge|Elmfield|
Fernlea|Hazelwood|Hollybank|Kingfisher|Larkspur|Linden|Maplewood|Meadowbank|Oakleigh|Orchard|
Parkview|Primrose|Riverside|Rowan|Sycamore|Thornbury|Willowbrook|Woodside|Yew Tree|Bluebell|Clover|
Damson|Foxglove|Greenacre|Heathfield|Juniper|Laurel|Marigold|Nettlefold|Osier|Poppyfield|
Quarry Hill|Rosebank|Sorrel|Teasel|Upperfield|Violet Lane|Whitebeam|Alderbrook|Blackthorn|
Coppice|Dovecote|Elderberry`
  .split('|')
  .map((s) => s.trim());
const PRACTICE_KINDS = ['Surgery', 'Medical Centre', 'Health Centre', 'Medical Practice', 'Group Practice'];

export const MAX_PRACTICES = PRACTICE_NAMES.length * PRACTICE_KINDS.length;

export interface PlannedPractice {
  organisation: OrganisationRow;
  practice: PracticeRow;
  location: PostcodePoint;
  /** Relative list size: practices range from small single-handed lists to large groups. */
  weight: number;
}

/** Practices spread over the borough: no two closer than a few hundred metres where possible. */
export function placePractices(random: Random, count: number): PlannedPractice[] {
  const postcodes = boroughPostcodes();
  const names = shuffled(random, PRACTICE_NAMES);
  const kinds = PRACTICE_NAMES.map(() => random.int(PRACTICE_KINDS.length));
  const placed: PlannedPractice[] = [];
  let spacing = 600 ** 2;
  for (let i = 0; i < count; i++) {
    let location = random.pick(postcodes);
    for (let tries = 1; placed.some((p) => distanceSquared(p.location, location) < spacing); tries++) {
      location = random.pick(postcodes);
      if (tries % 50 === 0) spacing *= 0.7;
    }
    const stem = i % names.length;
    const name = `${names[stem]} ${PRACTICE_KINDS[(kinds[stem]! + Math.floor(i / names.length)) % PRACTICE_KINDS.length]}`;
    placed.push(practiceAt(random, location, name, i));
  }
  return placed;
}

function practiceAt(random: Random, location: PostcodePoint, name: string, index: number): PlannedPractice {
  const id = random.uuid();
  const address = addressAt(location.postcode, random.between(1, 200));
  return {
    organisation: { id, name, type: 'gp_practice', odsCode: `K9${String(1001 + index)}` },
    practice: {
      id,
      networkId: '',
      ...address,
      town: postTown(location.postcode),
      postcode: location.postcode,
      phone: londonLandline(random),
    },
    location,
    weight: Math.exp(0.6 * random.normal()),
  };
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Bearing in degrees clockwise from north, seen from the centre of the practices. */
function bearingsFromCentre(practices: readonly PlannedPractice[]): number[] {
  const east = practices.reduce((s, p) => s + p.location.east, 0) / practices.length;
  const north = practices.reduce((s, p) => s + p.location.north, 0) / practices.length;
  return practices.map((p) => {
    const degrees = (Math.atan2(p.location.east - east, p.location.north - north) * 180) / Math.PI;
    return (degrees + 360) % 360;
  });
}

const COMPASS = ['North', 'North East', 'East', 'South East', 'South', 'South West', 'West', 'North West'];

/**
 * Networks as slices of the borough around its centre, clockwise from north, each with the same
 * number of practices (give or take one), named by the compass point they face.
 */
export function networkSlices(practices: readonly PlannedPractice[], count: number): { name: string; members: PlannedPractice[] }[] {
  const bearings = bearingsFromCentre(practices);
  const turn = 180 / count; // start half a slice west of north, so one slice faces north
  const order = practices.map((_, i) => i).sort((a, b) => ((bearings[a]! + turn) % 360) - ((bearings[b]! + turn) % 360));
  const slices = Array.from({ length: count }, (_, s) =>
    order.slice(Math.floor((s * order.length) / count), Math.floor(((s + 1) * order.length) / count)),
  );
  const seen = new Map<string, number>();
  return slices.map((indexes, s) => {
    // Slice s faces s/count of a turn from north; up to eight slices, each gets its own point.
    const point = COMPASS[Math.round((s * 8) / count) % 8]!;
    const nth = (seen.get(point) ?? 0) + 1;
    seen.set(point, nth);
    const name = `${BOROUGH_NAME} ${point}${count > 8 ? ` ${nth}` : ''}`;
    return { name, members: indexes.map((i) => practices[i]!) };
  });
}

/**
 * The postcodes a practice's patients live at: those for which it is one of the two nearest
 * practices. Every postcode is in some catchment, and neighbouring practices share streets.
 */
export function catchments(practices: readonly PlannedPractice[]): PostcodePoint[][] {
  const result: PostcodePoint[][] = practices.map(() => []);
  for (const postcode of boroughPostcodes()) {
    let first = -1;
    let second = -1;
    let firstDistance = Infinity;
    let secondDistance = Infinity;
    practices.forEach((p, i) => {
      const d = distanceSquared(p.location, postcode);
      if (d < firstDistance) [second, secondDistance, first, firstDistance] = [first, firstDistance, i, d];
      else if (d < secondDistance) [second, secondDistance] = [i, d];
    });
    result[first]!.push(postcode);
    if (second >= 0) result[second]!.push(postcode);
  }
  return result;
}
