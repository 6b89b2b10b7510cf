import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundingBox, distanceMetres, EARTH_MEAN_RADIUS_METRES, isInBox, isWithinRadius, latLongProblems, type LatLong } from './geo.js';

interface Postcode extends LatLong {
  eastings: number;
  northings: number;
}

/** Real Croydon postcodes (Code-Point Open 2014): a grid reference and the latitude/longitude from it. */
const postcodes: ReadonlyMap<string, Postcode> = new Map(
  readFileSync(new URL('../../test/fixtures/postcodes/croydon-postcodes-codepoint-open-2014.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [postcode, , eastings, northings, latitude, longitude] = line.split(',');
      return [postcode!, { eastings: Number(eastings), northings: Number(northings), latitude: Number(latitude), longitude: Number(longitude) }];
    }),
);
const at = (postcode: string) => postcodes.get(postcode)!;

const radians = (d: number) => (d * Math.PI) / 180;

/** An independent formula: the spherical law of cosines, on the same sphere. */
function lawOfCosinesMetres(a: LatLong, b: LatLong): number {
  const [p1, p2, dl] = [radians(a.latitude), radians(b.latitude), radians(b.longitude - a.longitude)];
  const cos = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
  return Math.acos(Math.min(1, cos)) * EARTH_MEAN_RADIUS_METRES;
}

/**
 * Independent data: the straight-line distance between National Grid references, turned into a
 * distance on the ground by the grid's scale factor there (0.9996012717 on the central meridian,
 * easting 400 km, growing with the square of the distance from it).
 */
function nationalGridMetres(a: Postcode, b: Postcode): number {
  const grid = Math.hypot(a.eastings - b.eastings, a.northings - b.northings);
  const fromCentralMeridian = (a.eastings + b.eastings) / 2 - 400_000;
  const scale = 0.9996012717 * (1 + fromCentralMeridian ** 2 / (2 * 6_381_000 ** 2));
  return grid / scale;
}

const PAIRS = [
  ['CR7 6AN', 'CR7 6AX'], // neighbours in Thornton Heath, about 180 m
  ['CR0 0AF', 'CR0 0AH'], // about 430 m, north to south
  ['CR0 0AF', 'CR8 2AD'], // about 7.8 km, west to east
  ['CR3 5QQ', 'CR7 8DF'], // about 12.8 km, south to north
  ['CR3 5QU', 'CR7 8EY'], // the furthest apart, about 12.9 km
] as const;

describe('distance between two points', () => {
  it('agrees with the spherical law of cosines to the millimetre', () => {
    for (const [a, b] of PAIRS) expect(Math.abs(distanceMetres(at(a), at(b)) - lawOfCosinesMetres(at(a), at(b))), `${a} to ${b}`).toBeLessThan(0.001);
  });

  it('agrees with the National Grid within the sphere’s error (0.4%) and the conversion’s (about 1 m each end)', () => {
    for (const [a, b] of PAIRS) {
      const grid = nationalGridMetres(at(a), at(b));
      expect(Math.abs(distanceMetres(at(a), at(b)) - grid), `${a} to ${b}: ${grid} m`).toBeLessThan(grid * 0.004 + 3);
    }
  });

  it('matches the published worked example: Land’s End to John o’ Groats is 968.9 km', () => {
    // Chris Veness, "Calculate distance, bearing and more between latitude/longitude points"
    // (Movable Type Scripts): 50°03′59″N 005°42′53″W to 58°38′38″N 003°04′12″W, haversine,
    // 968.9 km to four significant figures.
    const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
    const landsEnd = { latitude: dms(50, 3, 59), longitude: -dms(5, 42, 53) };
    const johnOGroats = { latitude: dms(58, 38, 38), longitude: -dms(3, 4, 12) };
    expect(distanceMetres(landsEnd, johnOGroats) / 1000).toBeCloseTo(968.9, 1);
  });

  it('is zero to itself, the same both ways, and half the circumference to the far side of the Earth', () => {
    const croydon = at('CR0 0AF');
    expect(distanceMetres(croydon, croydon)).toBe(0);
    expect(distanceMetres(at('CR0 0AF'), at('CR8 2AD'))).toBe(distanceMetres(at('CR8 2AD'), at('CR0 0AF')));
    const antipode = { latitude: -croydon.latitude, longitude: croydon.longitude + 180 };
    expect(distanceMetres(croydon, antipode)).toBeCloseTo(Math.PI * EARTH_MEAN_RADIUS_METRES, 3);
  });

  it('counts the edge of the radius as within it', () => {
    const d = distanceMetres(at('CR7 6AN'), at('CR7 6AX'));
    expect(isWithinRadius(at('CR7 6AN'), at('CR7 6AX'), d)).toBe(true);
    expect(isWithinRadius(at('CR7 6AN'), at('CR7 6AX'), d - 0.01)).toBe(false);
  });
});

describe('the box around a circle', () => {
  it('holds every point within the radius (short of the edge itself, where rounding decides)', () => {
    const point = fc.record({ latitude: fc.double({ min: -80, max: 80, noNaN: true }), longitude: fc.double({ min: -179, max: 179, noNaN: true }) });
    fc.assert(
      fc.property(point, fc.integer({ min: 1, max: 50_000 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), (centre, radius, share, bearing) => {
        const inside = destination(centre, radius * share, bearing);
        expect(isInBox(boundingBox(centre, radius), inside)).toBe(true);
      }),
    );
  });

  it('is tight: the circle touches each side', () => {
    const centre = at('CR0 0AF');
    const box = boundingBox(centre, 2000);
    expect(distanceMetres(centre, { latitude: box.north, longitude: centre.longitude })).toBeCloseTo(2000, 6);
    expect(distanceMetres(centre, { latitude: box.south, longitude: centre.longitude })).toBeCloseTo(2000, 6);
    // The circle meets the east side where that meridian is tangent to it, a little north of the centre.
    const tangentLatitude = (Math.asin(Math.sin(radians(centre.latitude)) / Math.cos(2000 / EARTH_MEAN_RADIUS_METRES)) * 180) / Math.PI;
    expect(distanceMetres(centre, { latitude: tangentLatitude, longitude: box.east })).toBeCloseTo(2000, 3);
    expect(box.east - centre.longitude).toBeCloseTo(centre.longitude - box.west, 12);
  });

  it('takes every longitude when the circle reaches a pole or crosses the 180th meridian', () => {
    expect(boundingBox({ latitude: 89.99, longitude: 10 }, 5000)).toMatchObject({ north: 90, west: -180, east: 180 });
    expect(boundingBox({ latitude: -89.99, longitude: 10 }, 5000)).toMatchObject({ south: -90, west: -180, east: 180 });
    expect(boundingBox({ latitude: 0, longitude: 179.99 }, 5000)).toMatchObject({ west: -180, east: 180 });
    expect(boundingBox({ latitude: 0, longitude: -179.99 }, 5000)).toMatchObject({ west: -180, east: 180 });
  });
});

describe('checking a point', () => {
  it('accepts the ends of each range and refuses beyond them, as Open Referral’s example latitude 100', () => {
    expect(latLongProblems({ latitude: 90, longitude: 180 })).toEqual([]);
    expect(latLongProblems({ latitude: -90, longitude: -180 })).toEqual([]);
    expect(latLongProblems({ latitude: 100, longitude: 101 })).toEqual([{ field: 'latitude', reason: 'Must be a latitude in degrees, from -90 to 90' }]);
    expect(latLongProblems({ latitude: 90.000001, longitude: 180.000001 }).map((p) => p.field)).toEqual(['latitude', 'longitude']);
    expect(latLongProblems({ latitude: -90.000001, longitude: -180.000001 }).map((p) => p.field)).toEqual(['latitude', 'longitude']);
  });

  it('refuses what is not a finite number', () => {
    for (const bad of [NaN, Infinity, '51.3', null, undefined]) expect(latLongProblems({ latitude: bad, longitude: 0 }), String(bad)).toHaveLength(1);
  });
});

/** The point a distance away on a bearing, on the same sphere (for generating test points). */
function destination(from: LatLong, metres: number, bearing: number): LatLong {
  const angle = metres / EARTH_MEAN_RADIUS_METRES;
  const lat = radians(from.latitude);
  const lat2 = Math.asin(Math.sin(lat) * Math.cos(angle) + Math.cos(lat) * Math.sin(angle) * Math.cos(bearing));
  const lon2 = radians(from.longitude) + Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(lat), Math.cos(angle) - Math.sin(lat) * Math.sin(lat2));
  const longitude = ((((lon2 * 180) / Math.PI + 540) % 360) + 360) % 360 - 180;
  return { latitude: (lat2 * 180) / Math.PI, longitude };
}
