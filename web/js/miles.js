// @ts-check
// Distances as a UK visitor reads them. The core measures and reports kilometres (docs/matching.md);
// pages show whole miles, because a decimal ("4.3 km") claims a precision a straight-line distance
// between town centres does not have.
import { grouped } from "./dom.js";

export const KM_PER_MILE = 1.609344;

export const milesFromKm = (km) => km / KM_PER_MILE;
export const kmFromMiles = (miles) => miles * KM_PER_MILE;

/** "less than a mile", "1 mile", "12 miles" (rounded to the nearest whole mile). */
export function milesText(km) {
  const miles = milesFromKm(Number(km));
  if (!Number.isFinite(miles)) return "";
  if (miles < 0.5) return "less than a mile";
  const whole = Math.round(miles);
  return whole === 1 ? "1 mile" : `${grouped(whole)} miles`;
}

/** A distance limit in whole miles (a limit asked in miles comes back exactly). */
export const limitMiles = (km) => Math.round(milesFromKm(Number(km)));
