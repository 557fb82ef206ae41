import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, greatCircleKm, isLatLon, type LatLon } from './great-circle.ts';

/**
 * The oracle: the central angle from 3-D unit vectors, atan2(|a × b|, a · b) — another formula
 * than the haversine, well conditioned at every angle.
 */
function oracleKm(a: LatLon, b: LatLon): number {
  const v = (p: LatLon) => {
    const la = (p.lat * Math.PI) / 180;
    const lo = (p.lon * Math.PI) / 180;
    return [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)] as const;
  };
  const [x1, y1, z1] = v(a);
  const [x2, y2, z2] = v(b);
  const cross = Math.hypot(y1 * z2 - z1 * y2, z1 * x2 - x1 * z2, x1 * y2 - y1 * x2);
  const dot = x1 * x2 + y1 * y2 + z1 * z2;
  return EARTH_RADIUS_KM * Math.atan2(cross, dot);
}

const point = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });

describe('greatCircleKm', () => {
  it('gives the known distances between French cities and across the globe', () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const lyon = { lat: 45.764, lon: 4.8357 };
    const marseille = { lat: 43.2965, lon: 5.3698 };
    // Published great-circle figures, to the kilometre.
    expect(greatCircleKm(paris, lyon)).toBeCloseTo(391.5, 0);
    expect(greatCircleKm(paris, marseille)).toBeCloseTo(660.5, 0);
    // A quarter of a meridian and half the equator.
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 6);
    expect(greatCircleKm({ lat: 0, lon: -90 }, { lat: 0, lon: 90 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    // One degree of longitude at 60° N is half of one at the equator.
    expect(greatCircleKm({ lat: 60, lon: 10 }, { lat: 60, lon: 11 }) / greatCircleKm({ lat: 0, lon: 10 }, { lat: 0, lon: 11 })).toBeCloseTo(0.5, 3);
  });

  it('crosses the antimeridian the short way and stays finite between antipodes', () => {
    expect(greatCircleKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 6);
    expect(greatCircleKm({ lat: 45, lon: 30 }, { lat: -45, lon: -150 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it('agrees with the vector formula everywhere, to a metre', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(Math.abs(greatCircleKm(a, b) - oracleKm(a, b))).toBeLessThan(1e-3);
      }),
      { numRuns: 2000 },
    );
  });

  // Near antipodes the haversine's asin is ill-conditioned (about 0.1 m of rounding): the bounds allow a metre.
  it('is a distance: zero to itself, symmetric, at most half the circumference, and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(greatCircleKm(a, a)).toBe(0);
        expect(greatCircleKm(a, b)).toBeCloseTo(greatCircleKm(b, a), 9);
        expect(greatCircleKm(a, b)).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-3);
        expect(greatCircleKm(a, c)).toBeLessThanOrEqual(greatCircleKm(a, b) + greatCircleKm(b, c) + 1e-3);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isLatLon', () => {
  it('accepts degrees in range and refuses the rest', () => {
    expect(isLatLon({ lat: 90, lon: -180 })).toBe(true);
    expect(isLatLon({ lat: 90.0001, lon: 0 })).toBe(false);
    expect(isLatLon({ lat: 0, lon: 181 })).toBe(false);
    expect(isLatLon({ lat: Number.NaN, lon: 0 })).toBe(false);
  });
});
