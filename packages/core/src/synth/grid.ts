/**
 * Ordnance Survey National Grid references to WGS84 latitude and longitude, so that synthetic
 * places held as grid references (data/README.md) can be put on a map and measured from.
 *
 * Two steps, as Ordnance Survey's "A guide to coordinate systems in Great Britain" sets out:
 * the inverse transverse Mercator projection on the Airy 1830 ellipsoid gives OSGB36 latitude
 * and longitude (exact to the formulas); a seven-parameter Helmert transformation then moves the
 * point to WGS84. The Helmert step is OS's published approximation, good to about 5 metres
 * across Great Britain (OSTN15, a grid of shifts, is exact but weighs megabytes); 5 metres is
 * far less than a postcode covers, which is all the synthetic borough needs.
 */
import type { LatLong } from '../directory/geo.js';

interface Ellipsoid {
  a: number;
  b: number;
}

const AIRY_1830: Ellipsoid = { a: 6_377_563.396, b: 6_356_256.909 };
const GRS80: Ellipsoid = { a: 6_378_137, b: 6_356_752.314_1 };

/** The National Grid's true origin, false origin and central-meridian scale (OS guide, table A1). */
const GRID = { scale: 0.999_601_271_7, lat0: (49 * Math.PI) / 180, lon0: (-2 * Math.PI) / 180, east0: 400_000, north0: -100_000 };

const ARC_SECOND = Math.PI / (180 * 3600);

/**
 * OSGB36 to WGS84 (the reverse of the OS guide's WGS84-to-OSGB36 parameters): translations in
 * metres, scale in parts per million, rotations in arc-seconds.
 */
const HELMERT = { tx: 446.448, ty: -125.157, tz: 542.06, sPpm: -20.4894, rx: 0.1502, ry: 0.247, rz: 0.8421 };

const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** The meridional arc from the true origin's latitude to `lat` (OS guide, C1). */
function meridionalArc(lat: number): number {
  const { a, b } = AIRY_1830;
  const n = (a - b) / (a + b);
  const [n2, n3] = [n * n, n * n * n];
  const [dLat, sLat] = [lat - GRID.lat0, lat + GRID.lat0];
  return (
    b *
    GRID.scale *
    ((1 + n + (5 / 4) * n2 + (5 / 4) * n3) * dLat -
      (3 * n + 3 * n2 + (21 / 8) * n3) * Math.sin(dLat) * Math.cos(sLat) +
      ((15 / 8) * n2 + (15 / 8) * n3) * Math.sin(2 * dLat) * Math.cos(2 * sLat) -
      (35 / 24) * n3 * Math.sin(3 * dLat) * Math.cos(3 * sLat))
  );
}

/** The latitude whose meridional arc reaches the northing, found by iteration (OS guide, C6). */
function footpointLatitude(north: number): number {
  const reach = north - GRID.north0;
  let lat = reach / (AIRY_1830.a * GRID.scale) + GRID.lat0;
  // Each step corrects by the arc still missing; 0.01 mm is the guide's stopping point.
  for (let step = 0; step < 20; step++) {
    const missing = reach - meridionalArc(lat);
    if (Math.abs(missing) < 1e-5) break;
    lat += missing / (AIRY_1830.a * GRID.scale);
  }
  return lat;
}

/** OSGB36 latitude and longitude in radians from a grid reference in metres (OS guide, C6). */
export function gridToOsgb36Radians(east: number, north: number): { lat: number; lon: number } {
  const { a, b } = AIRY_1830;
  const e2 = 1 - (b * b) / (a * a);
  const lat1 = footpointLatitude(north);
  const [sin, cos, tan] = [Math.sin(lat1), Math.cos(lat1), Math.tan(lat1)];
  const nu = (a * GRID.scale) / Math.sqrt(1 - e2 * sin * sin);
  const rho = (a * GRID.scale * (1 - e2)) / (1 - e2 * sin * sin) ** 1.5;
  const eta2 = nu / rho - 1;
  const [t2, t4, t6] = [tan ** 2, tan ** 4, tan ** 6];
  const VII = tan / (2 * rho * nu);
  const VIII = (tan / (24 * rho * nu ** 3)) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2);
  const IX = (tan / (720 * rho * nu ** 5)) * (61 + 90 * t2 + 45 * t4);
  const X = 1 / (cos * nu);
  const XI = (1 / (6 * cos * nu ** 3)) * (nu / rho + 2 * t2);
  const XII = (1 / (120 * cos * nu ** 5)) * (5 + 28 * t2 + 24 * t4);
  const XIIA = (1 / (5040 * cos * nu ** 7)) * (61 + 662 * t2 + 1320 * t4 + 720 * t6);
  const dE = east - GRID.east0;
  return {
    lat: lat1 - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6,
    lon: GRID.lon0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7,
  };
}

type Vector = [number, number, number];

/** Earth-centred cartesian coordinates of a point on the ellipsoid's surface (height 0). */
function toCartesian(lat: number, lon: number, { a, b }: Ellipsoid): Vector {
  const e2 = 1 - (b * b) / (a * a);
  const nu = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  return [nu * Math.cos(lat) * Math.cos(lon), nu * Math.cos(lat) * Math.sin(lon), (1 - e2) * nu * Math.sin(lat)];
}

/** The small-angle Helmert transformation, OSGB36 datum to WGS84. */
function helmert([x, y, z]: Vector): Vector {
  const { tx, ty, tz, sPpm, rx, ry, rz } = HELMERT;
  const s = 1 + sPpm * 1e-6;
  const [ox, oy, oz] = [rx * ARC_SECOND, ry * ARC_SECOND, rz * ARC_SECOND];
  return [tx + s * x - oz * y + oy * z, ty + oz * x + s * y - ox * z, tz - oy * x + ox * y + s * z];
}

/** Latitude and longitude in radians of cartesian coordinates, iterating on latitude (OS guide, B2). */
function fromCartesian([x, y, z]: Vector, { a, b }: Ellipsoid): { lat: number; lon: number } {
  const e2 = 1 - (b * b) / (a * a);
  const p = Math.hypot(x, y);
  let lat = Math.atan2(z, p * (1 - e2));
  for (let step = 0; step < 10; step++) {
    const nu = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
    const next = Math.atan2(z + e2 * nu * Math.sin(lat), p);
    if (Math.abs(next - lat) < 1e-12) return { lat: next, lon: Math.atan2(y, x) };
    lat = next;
  }
  return { lat, lon: Math.atan2(y, x) };
}

/** WGS84 latitude and longitude, in degrees, of a National Grid reference in metres. */
export function gridToLatLong(east: number, north: number): LatLong {
  const osgb36 = gridToOsgb36Radians(east, north);
  const wgs84 = fromCartesian(helmert(toCartesian(osgb36.lat, osgb36.lon, AIRY_1830)), GRS80);
  return { latitude: toDegrees(wgs84.lat), longitude: toDegrees(wgs84.lon) };
}
