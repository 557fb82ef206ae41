/**
 * Great-circle distance on a sphere of the Earth's mean radius (IUGG, 6371.0088 km), by the
 * haversine formula: stable for short distances, where the spherical law of cosines loses digits.
 * The Earth is not a sphere: against the WGS 84 ellipsoid the error stays under 0.5 %, which is
 * far below what "the nearest service centre" can tell apart.
 */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  /** Degrees, −90 … 90. */
  lat: number;
  /** Degrees, −180 … 180. */
  lon: number;
}

const RAD = Math.PI / 180;

/** Kilometres along the great circle between two points given in degrees. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  // Rounding can push h a hair above 1 for antipodal points: asin would give NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, Math.max(0, h))));
}

/** Whether the coordinates are finite degrees within range. */
export function isLatLon(p: LatLon): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}
