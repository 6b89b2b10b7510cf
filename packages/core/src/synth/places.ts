/**
 * Where people live: real Croydon postcodes (data/README.md) with their post towns, and street
 * names. Streets are invented from common English street names; each postcode keeps one street,
 * so neighbours share it as they do in life.
 */
import { CROYDON_POSTCODE_GRID } from './data/croydon-postcodes.js';

export interface PostcodePoint {
  postcode: string;
  /** Ordnance Survey grid reference in metres. */
  east: number;
  north: number;
}

const POST_TOWNS: Record<string, string> = {
  CR0: 'Croydon',
  CR2: 'South Croydon',
  CR3: 'Whyteleafe',
  CR4: 'Mitcham',
  CR5: 'Coulsdon',
  CR6: 'Warlingham',
  CR7: 'Thornton Heath',
  CR8: 'Purley',
};

const STREETS = `Station Road|Church Road|High Street|Park Road|Victoria Road|London Road|Queens Road|
Albert Road|Mill Lane|Church Lane|Grove Road|Manor Road|Springfield Road|Chestnut Avenue|Elm Road|
Oak Avenue|Beech Grove|Birch Close|Willow Way|Meadow Way|Orchard Close|Windsor Road|York Road|
Kings Road|The Avenue|The Crescent|Cedar Road|Lime Grove|Sycamore Close|Hawthorn Drive|Rectory Lane|
St Mary's Road|St John's Road|Highfield Road|Brighton Road|Green Lane|North Road|South Road|
West Street|East Street|Richmond Road|Stanley Road|Clarence Road|Nelson Road|Cromwell Road|
Marlborough Road|Lansdowne Road|Belmont Road|Hillside Road|Valley Road|Woodland Way|Heath Road|
Farm Lane|Poplar Walk|Ashburton Avenue|Bramley Close|Canterbury Road|Derby Road|Essex Gardens|
Fairfield Way|Gordon Crescent|Harrington Close|Inglewood Road|Jubilee Way|Keswick Avenue|
Laburnum Road|Moreton Road|Newlands Close|Osborne Gardens|Priory Road|Ravensworth Road|
Sandown Road|Tennyson Road|Upland Road|Vicarage Road|Waddon Close|Wellesley Road|Wickham Road`
  .split('|')
  .map((s) => s.trim());

const BUILDINGS = `Alder Court|Beacon House|Cavendish Court|Denmark House|Elmhurst Court|Fairview House|
Garden Court|Hollies Court|Ivy House|Juniper Court|Kestrel House|Linden Court|Mulberry House|
Nightingale Court|Oakwood House|Parkside Court`
  .split('|')
  .map((s) => s.trim());

let parsed: PostcodePoint[] | undefined;

/** The borough's postcodes, parsed once from the embedded grid. */
export function boroughPostcodes(): readonly PostcodePoint[] {
  parsed ??= CROYDON_POSTCODE_GRID.trim()
    .split('\n')
    .map((line) => {
      const [outward, inward, east, north] = line.split(' ') as [string, string, string, string];
      return { postcode: `${outward} ${inward}`, east: 528_000 + Number(east) * 10, north: 156_000 + Number(north) * 10 };
    });
  return parsed;
}

export function postTown(postcode: string): string {
  return POST_TOWNS[postcode.split(' ')[0]!] ?? 'Croydon';
}

/** A small string hash (FNV-1a), so a postcode always gives the same street. */
function hashText(text: string): number {
  let h = 0x811c_9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x0100_0193);
  return h >>> 0;
}

export function streetOf(postcode: string): string {
  return STREETS[hashText(postcode) % STREETS.length]!;
}

export interface AddressLines {
  addressLine1: string;
  addressLine2: string | null;
}

/** A house on the postcode's street, or, for `flat`, a flat in a named block on it. */
export function addressAt(postcode: string, houseNumber: number, flat?: number): AddressLines {
  const street = streetOf(postcode);
  if (flat === undefined) return { addressLine1: `${houseNumber} ${street}`, addressLine2: null };
  const building = BUILDINGS[hashText(`${postcode}${houseNumber}`) % BUILDINGS.length]!;
  return { addressLine1: `Flat ${flat}, ${building}`, addressLine2: `${houseNumber} ${street}` };
}

/** Squared distance in metres², enough for comparing which is nearer. */
export function distanceSquared(a: PostcodePoint, b: PostcodePoint): number {
  return (a.east - b.east) ** 2 + (a.north - b.north) ** 2;
}
