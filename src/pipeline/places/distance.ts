/** Great-circle distance between two places, for "the same venue" (merge) and "venue within 50 km" (evaluation). */

export interface LonLat {
  lon: number;
  lat: number;
}

/** Mean Earth radius (IUGG), km. */
const EARTH_KM = 6371.0088;

export function haversineKm(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
