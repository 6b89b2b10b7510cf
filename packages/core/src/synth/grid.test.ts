import { describe, expect, it } from 'vitest';
import { distanceMetres } from '../directory/geo.js';
import { gridToLatLong, gridToOsgb36Radians } from './grid.js';

const ARC_SECONDS_PER_RADIAN = (180 / Math.PI) * 3600;
const radiansOf = (degrees: number, minutes: number, seconds: number) => ((degrees + minutes / 60 + seconds / 3600) * Math.PI) / 180;

describe('National Grid references to latitude and longitude', () => {
  it('inverts the projection as the Ordnance Survey worked example does, to a ten-thousandth of an arc-second', () => {
    // "A guide to coordinate systems in Great Britain", annex C: E 651409.903, N 313177.270 is
    // OSGB36 52°39′27.2531″N, 1°43′04.5177″E.
    const { lat, lon } = gridToOsgb36Radians(651_409.903, 313_177.27);
    expect(Math.abs(lat - radiansOf(52, 39, 27.2531)) * ARC_SECONDS_PER_RADIAN).toBeLessThan(1e-4);
    expect(Math.abs(lon - radiansOf(1, 43, 4.5177)) * ARC_SECONDS_PER_RADIAN).toBeLessThan(1e-4);
  });

  it.each([
    // Code-Point Open 2014 postcodes, each with the latitude and longitude published beside its grid reference.
    ['CR0 0AA', 539_052, 162_028, 51.340332, -0.005061],
    ['CR0 0AF', 539_321, 161_818, 51.338379, -0.001283],
    ['CR7 8DF', 532_011, 169_719, 51.411126, -0.10323],
    ['CR8 2AD', 531_523, 161_826, 51.340307, -0.113162],
    // Ordnance Survey's OSTN15 developer pack test points (OSGB36 to ETRS89, exact to about 10 cm):
    // independent of the Helmert transformation, so these measure its real error.
    ['TP09, Lambeth', 530_624.974, 178_388.464, 51.4893656495, -0.1199255718],
    ['TP07, Thanet', 639_821.835, 169_565.858, 51.3744702555, 1.44454730409],
    ['TP11, Essex', 599_445.59, 225_722.826, 51.8943663735, 0.89724327012],
  ])('puts %s within 5 metres of where it is', (_, east, north, latitude, longitude) => {
    expect(distanceMetres(gridToLatLong(east, north), { latitude, longitude })).toBeLessThan(5);
  });
});
