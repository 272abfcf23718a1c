/**
 * Venue names the gazetteer does not know. When a meeting sentence says "met in Qwertyabad"
 * and no venue came out, the reader of the report must hear about it: a missing city is a
 * gap in the gazetteer or its alias table, not a meeting without a place.
 */
import type { Gazetteer } from '../places/gazetteer';
import { findStatesAndOrganizations } from '../states/organizations';

// "in Kabul", "at Camp Zzz", "in New Qwerty": one or two capitalised words after in/at.
const AFTER_IN_OR_AT = /\b(?:in|at)\s+((?:[A-Z][\p{Ll}\p{M}'’-]+)(?:\s+[A-Z][\p{Ll}\p{M}'’-]+)?)/gu;

// Words that follow "in"/"at" but are times, not places.
const NOT_PLACES = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those His Her Their Its Our A An Islamabad-based'.split(' '),
);

/** Names after "in"/"at" in the quotes that are neither a known city nor a state, organisation or time. */
export function unknownVenueNames(quotes: readonly string[], gazetteer: Gazetteer): string[] {
  const unknown = new Set<string>();
  for (const quote of quotes) {
    const known = findStatesAndOrganizations(quote);
    const covered = [...known.states, ...known.organizations];
    for (const match of quote.matchAll(AFTER_IN_OR_AT)) {
      const name = match[1]!;
      const start = match.index! + match[0].length - name.length;
      const first = name.split(/\s+/)[0]!;
      if (NOT_PLACES.has(first)) continue;
      if (covered.some((c) => c.start <= start && start < c.end)) continue;
      if (gazetteer.resolveCity(name) || gazetteer.resolveCity(first)) continue;
      if (gazetteer.notPlaceKeys.has(first.toLowerCase())) continue;
      unknown.add(name);
    }
  }
  return [...unknown].sort();
}
