/**
 * A source as people cite it: the outlet and the day first ("Arab News, 20 July 2025"),
 * the article's title where no outlet is known, the file name only where nothing better
 * is. One definition for the panel, the list, CSV, GeoJSON, the PNG credit and alt text.
 */
import type { Source } from '../dataset/schema';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-07-20" → "20 July 2025"; the input as it is when it is not YYYY-MM-DD. */
export function longDay(iso: string): string {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** A source known only by its file name ({ file }) cites as that name. */
type Cited = Pick<Source, 'file'> & Partial<Source>;

/** "Arab News, 20 July 2025", "Dawn", "“Title”, 26 June 2014", or the file name. */
export function sourceLabel(source: Cited): string {
  const lead = source.outlet ?? (source.title ? `“${source.title}”` : undefined);
  const parts = [lead, source.published ? longDay(source.published) : undefined].filter(Boolean);
  return parts.length ? parts.join(', ') : source.file;
}

/**
 * The full reference for files people take away (CSV, GeoJSON):
 * "Arab News, 20 July 2025, “Title”, https://… (retrieved 3 December 2026)".
 */
export function sourceCitation(source: Cited): string {
  let text = sourceLabel(source);
  if (source.outlet && source.title) text += `, “${source.title}”`;
  if (source.url) text += `, ${source.url}`;
  if (source.retrieved) text += ` (retrieved ${longDay(source.retrieved)})`;
  return text;
}

/** The link a source may carry: only an http(s) URL (the dataset is data, not trusted markup). */
export function sourceHref(source: Partial<Source> | undefined): string | undefined {
  if (!source?.url) return undefined;
  try {
    const url = new URL(source.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The sources of some meetings, each once, in the order the meetings first cite them. */
export function sourcesOf(meetings: ReadonlyArray<{ sources: ReadonlyArray<{ file: string }> }>, sources: readonly Source[]): Cited[] {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const files = new Set<string>();
  for (const m of meetings) for (const s of m.sources) files.add(s.file);
  return [...files].map((file) => byFile.get(file) ?? { file });
}
