/**
 * Meetings as CSV, one row per meeting, so analysts can cite and reuse what the map shows.
 *
 * RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote
 * or line break. Lists (participants, absent states, people, sources) are joined with "; "
 * inside one field so a row stays one meeting; a person is written "Name (role, ISO3)".
 */
import type { Dataset, Meeting } from '../dataset/schema';
import { sourceCitation, sourcesOf } from './citation';
import { personInWords } from './person';

export const CSV_COLUMNS = [
  'id',
  'title',
  'date_start',
  'date_end',
  'date_precision',
  'venue',
  'country',
  'lat',
  'lon',
  'participants',
  'absent',
  'people',
  'status',
  'sources',
] as const;

type Cell = string | number | null;

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR at the
 * start) gets a leading apostrophe: titles come from news text, which we do not trust
 * (OWASP "CSV injection"). Numbers are written as numbers and never guarded.
 */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : guardFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}


/** One row per meeting, in the order given; the header names are CSV_COLUMNS. */
export function meetingsToCsv(meetings: readonly Meeting[], dataset: Dataset): string {
  const placeById = new Map(dataset.places.map((p) => [p.id, p]));
  const rows: Cell[][] = [[...CSV_COLUMNS]];
  for (const m of meetings) {
    const venue = m.venuePlaceId === null ? undefined : placeById.get(m.venuePlaceId);
    rows.push([
      m.id,
      m.title,
      m.date.start,
      m.date.end,
      m.date.precision,
      venue?.name ?? null,
      venue?.countryIso3 ?? null,
      venue?.lat ?? null,
      venue?.lon ?? null,
      m.participants.join('; '),
      m.absent.join('; '),
      // "Mohsin Naqvi (Interior Minister, PAK)": states as ISO3, like the participants column.
      m.people.map((p) => personInWords(p, (iso3) => iso3)).join('; '),
      m.status,
      // As people cite them: "Dawn, 21 July 2025, https://…"; a file name only where nothing else is known.
      sourcesOf([m], dataset.sources).map(sourceCitation).join('; '),
    ]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Reads CSV text back into rows of strings (RFC 4180 quoting). The app never needs this;
 * it exists so tests can check a download field by field instead of by string matching.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
