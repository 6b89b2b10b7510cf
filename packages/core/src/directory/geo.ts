/**
 * Distance for the directory's "near a postcode" search: the great-circle (haversine) distance on
 * a sphere of the Earth's mean radius, and the latitude/longitude box that holds a circle, so the
 * server can narrow the rows with an ordinary index before measuring each one.
 *
 * A sphere is within about 0.3% of the true (ellipsoidal) distance: a few metres in a mile,
 * which is less than the error of taking a postcode's centre for a home. Within a borough the
 * results order the same as a geodesic library's would, so no dependency is taken for this.
 */
import type { FieldProblem } from '../errors.js';

/**
 * The IUGG mean radius of the Earth, R1 = (2a + b) / 3 on the GRS80 / WGS84 ellipsoid
 * (Moritz, "Geodetic Reference System 1980", 2000): the radius that best fits a sphere to it.
 */
export const EARTH_MEAN_RADIUS_METRES = 6_371_008.8;

export interface LatLong {
  latitude: number;
  longitude: number;
}

/** South to north and west to east, in degrees; west > east never happens (see boundingBox). */
export interface LatLongBox {
  south: number;
  north: number;
  west: number;
  east: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

export function isLatitude(value: number): boolean {
  return Number.isFinite(value) && value >= -90 && value <= 90;
}

export function isLongitude(value: number): boolean {
  return Number.isFinite(value) && value >= -180 && value <= 180;
}

/**
 * Problems with a point, named latitude and longitude. Open Referral's own example location has
 * latitude 100, which its schema lets through, so Kith checks the range itself.
 */
export function latLongProblems(point: { latitude: unknown; longitude: unknown }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof point.latitude !== 'number' || !isLatitude(point.latitude)) {
    problems.push({ field: 'latitude', reason: 'Must be a latitude in degrees, from -90 to 90' });
  }
  if (typeof point.longitude !== 'number' || !isLongitude(point.longitude)) {
    problems.push({ field: 'longitude', reason: 'Must be a longitude in degrees, from -180 to 180' });
  }
  return problems;
}

/** Great-circle distance in metres, by the haversine formula (stable at short distances). */
export function distanceMetres(a: LatLong, b: LatLong): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  // min() guards against h creeping past 1 by rounding for points at opposite ends of the Earth.
  return 2 * EARTH_MEAN_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Within the radius, its edge included. */
export function isWithinRadius(centre: LatLong, point: LatLong, radiusMetres: number): boolean {
  return distanceMetres(centre, point) <= radiusMetres;
}

/**
 * The smallest latitude/longitude box holding every point within the radius on the sphere
 * (J. P. Matuschek, "Finding Points Within a Distance of a Latitude/Longitude Using Bounding
 * Coordinates"): latitude widens by the angular radius; longitude by the angle at which the
 * circle's tangent meridians touch it, which grows towards the poles. A circle reaching a pole
 * takes every longitude; one crossing the 180th meridian is given every longitude too, a
 * harmless superset that keeps west <= east for the server's query. Filter by the box, then by
 * distanceMetres: the box alone holds its corners, which are outside the circle.
 */
export function boundingBox(centre: LatLong, radiusMetres: number): LatLongBox {
  const angle = Math.max(0, radiusMetres) / EARTH_MEAN_RADIUS_METRES;
  const lat = toRadians(centre.latitude);
  const south = lat - angle;
  const north = lat + angle;
  if (south <= -Math.PI / 2 || north >= Math.PI / 2) {
    return { south: Math.max(-90, toDegrees(south)), north: Math.min(90, toDegrees(north)), west: -180, east: 180 };
  }
  const dLon = toDegrees(Math.asin(Math.sin(angle) / Math.cos(lat)));
  const west = centre.longitude - dLon;
  const east = centre.longitude + dLon;
  const wraps = west < -180 || east > 180;
  return { south: toDegrees(south), north: toDegrees(north), west: wraps ? -180 : west, east: wraps ? 180 : east };
}

export function isInBox(box: LatLongBox, point: LatLong): boolean {
  return point.latitude >= box.south && point.latitude <= box.north && point.longitude >= box.west && point.longitude <= box.east;
}
