/**
 * Alphabetical order for names shown to readers (states, venues, topics) without
 * `localeCompare`: its first call loads the ICU collator, tens of milliseconds on the
 * page's critical path (issue 6). Names compare case- and accent-folded ("Côte d'Ivoire"
 * sorts with C, "Türkiye" with T), then exactly, so the order is total and stable.
 */
const keys = new Map<string, string>();

function foldKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (keys.size < 10_000) keys.set(name, key);
  }
  return key;
}

export function compareNames(a: string, b: string): number {
  const ka = foldKey(a);
  const kb = foldKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}
