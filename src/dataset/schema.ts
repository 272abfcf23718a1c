/**
 * The one definition of the dataset's shape (schemaVersion 2; version 1 files still load).
 *
 * Version 2 added `people` to each meeting: the people the text names at the table. A
 * version 1 file reads as if every meeting listed no one (`parseDataset` fills `people: []`).
 *
 * Written with `zod/mini` so that the same schema validates the file when the pipeline
 * writes it (Node) and when the app loads it (browser) without pulling all of zod into
 * the bundle. `npm run data -- --json-schema` prints it as JSON Schema for the README.
 */
import * as z from 'zod/mini';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO3 = /^[A-Z]{3}$/;

/** A calendar day as YYYY-MM-DD that also exists in the calendar (no February 30). */
export const IsoDay = z.string().check(
  z.regex(ISO_DAY, 'expected a date as YYYY-MM-DD'),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'expected a real calendar day'),
);

export const Iso3 = z.string().check(z.regex(ISO3, 'expected an ISO 3166-1 alpha-3 code such as PAK'));

export const DatePrecision = z.enum(['day', 'week', 'month', 'year', 'unknown']);
export const MeetingStatus = z.enum(['held', 'planned', 'cancelled']);
/** How many sides met; a telephone or video call is its own kind and never has a venue. */
export const MeetingKind = z.enum(['bilateral', 'trilateral', 'multilateral', 'call']);

export const Source = z.object({
  file: z.string(),
  published: z.nullable(IsoDay),
  outlet: z.optional(z.string()),
  url: z.optional(z.string()),
  title: z.optional(z.string()),
  /** When `npm run add` fetched the page (ISO date-time, UTC): a web citation's "retrieved". */
  retrieved: z.optional(z.string()),
});

export const Place = z.object({
  /** Stable slug used in URLs, e.g. "kabul". */
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  countryIso3: Iso3,
  lon: z.number().check(z.gte(-180), z.lte(180)),
  lat: z.number().check(z.gte(-90), z.lte(90)),
  /** GeoNames id of the gazetteer record the coordinates come from. */
  gazetteerId: z.number(),
});

export const State = z.object({
  iso3: Iso3,
  name: z.string(),
  /** The capital's place id; null when the gazetteer has no capital for the state. */
  capitalPlaceId: z.nullable(z.string()),
});

/** An exact span of a seed file: `quote === text.slice(start, end)` (UTF-16 offsets). */
export const EvidenceSpan = z.object({
  file: z.string(),
  start: z.number().check(z.int(), z.gte(0)),
  end: z.number().check(z.int(), z.gte(0)),
  quote: z.string(),
});

export const MeetingDate = z.object({
  /** First possible day. */
  start: z.nullable(IsoDay),
  /** Last possible day ("July 2025" ends 2025-07-31). */
  end: z.nullable(IsoDay),
  precision: DatePrecision,
  /** The words the date was read from, when any ("on Sunday", "last September"). */
  text: z.optional(z.string()),
});

/** A group of states named by a phrase or format ("five Central Asian countries", "Moscow Format"). */
export const StateGroupMention = z.object({
  name: z.string(),
  members: z.array(Iso3),
  /** Where the membership comes from (the registry entry's source). */
  source: z.string(),
});

/**
 * Where several articles report one meeting and differ on a field: every value with the
 * report that gives it, and which one the meeting keeps.
 */
export const Disagreement = z.object({
  field: z.enum(['date', 'venue']),
  /** The value the meeting keeps, as shown ("2025-07-20", "Islamabad"). */
  chosen: z.string(),
  values: z.array(z.object({ value: z.string(), file: z.string(), quote: z.string() })).check(z.minLength(2)),
});

/**
 * A person the text names as taking part in a meeting (not one merely quoted or mentioned).
 * `name` is the fullest form the article gives; `role` the office as written.
 */
export const Person = z.object({
  name: z.string().check(z.minLength(1)),
  /** The office as written ("Interior Minister"); null when the text gives none. */
  role: z.nullable(z.string()),
  /** The state the person speaks for; null when the text does not say. */
  state: z.nullable(Iso3),
  /** The organisation the person speaks for (UN, SCO RATS, Taliban), when any. */
  organization: z.nullable(z.string()),
  /** Where the text names the person with their role (or names them at all). */
  evidence: EvidenceSpan,
});

export const Meeting = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  kind: MeetingKind,
  status: MeetingStatus,
  date: MeetingDate,
  venuePlaceId: z.nullable(z.string()),
  participants: z.array(Iso3),
  absent: z.array(Iso3),
  organizations: z.array(z.string()),
  topics: z.array(z.string()),
  /** The people at the table (schemaVersion 2; absent in version 1 files). */
  people: z.optional(z.array(Person)).register(z.globalRegistry, {
    description: 'Added in schemaVersion 2 (required there; an empty list when the text names no one at the table): the people the text names as taking part. Version 1 files have no people.',
  }),
  groups: z.optional(z.array(StateGroupMention)),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  /** True when the meeting is a main subject of its article rather than mentioned in passing. */
  primary: z.optional(z.boolean()),
  /** Fields whose value came from the curation file rather than from the text. */
  curated: z.optional(z.array(z.string())),
  sources: z.array(EvidenceSpan).check(z.minLength(1, 'every meeting needs at least one evidence span')),
  /** Reports of this meeting in several articles that differ on a field (see the merge stage). */
  disagreements: z.optional(z.array(Disagreement)),
});

export const Dataset = z
  .object({
    schemaVersion: z.union([z.literal(1), z.literal(2)]).register(z.globalRegistry, {
      description: '2 since meetings list their people (version 2 added meetings[].people); version 1 files still load, as if every meeting listed no one.',
    }),
    sources: z.array(Source),
    places: z.array(Place),
    states: z.array(State),
    meetings: z.array(Meeting),
  })
  .check(
    z.superRefine((ds, ctx) => {
      const placeIds = new Set(ds.places.map((p) => p.id));
      const stateIds = new Set(ds.states.map((s) => s.iso3));
      const files = new Set(ds.sources.map((s) => s.file));
      ds.states.forEach((s, i) => {
        if (s.capitalPlaceId !== null && !placeIds.has(s.capitalPlaceId)) {
          ctx.issues.push({ code: 'custom', input: s.capitalPlaceId, path: ['states', i, 'capitalPlaceId'], message: `unknown place id "${s.capitalPlaceId}"` });
        }
      });
      ds.meetings.forEach((m, i) => {
        if (m.venuePlaceId !== null && !placeIds.has(m.venuePlaceId)) {
          ctx.issues.push({ code: 'custom', input: m.venuePlaceId, path: ['meetings', i, 'venuePlaceId'], message: `unknown place id "${m.venuePlaceId}"` });
        }
        if (m.kind === 'call' && m.venuePlaceId !== null) {
          ctx.issues.push({ code: 'custom', input: m.venuePlaceId, path: ['meetings', i, 'venuePlaceId'], message: 'a call has no venue' });
        }
        if (ds.schemaVersion === 2 && m.people === undefined) {
          ctx.issues.push({ code: 'custom', input: m, path: ['meetings', i, 'people'], message: 'schemaVersion 2 lists people on every meeting (an empty list when none)' });
        }
        for (const [k, p] of (m.people ?? []).entries()) {
          if (p.state !== null && !stateIds.has(p.state)) {
            ctx.issues.push({ code: 'custom', input: p.state, path: ['meetings', i, 'people', k, 'state'], message: `state ${p.state} is not in "states"` });
          }
          if (p.evidence.end - p.evidence.start !== p.evidence.quote.length) {
            ctx.issues.push({ code: 'custom', input: p.evidence, path: ['meetings', i, 'people', k, 'evidence'], message: 'span length does not match its quote' });
          }
        }
        for (const iso3 of [...m.participants, ...m.absent]) {
          if (!stateIds.has(iso3)) {
            ctx.issues.push({ code: 'custom', input: iso3, path: ['meetings', i], message: `state ${iso3} is not in "states"` });
          }
        }
        if (m.date.start !== null && m.date.end !== null && m.date.start > m.date.end) {
          ctx.issues.push({ code: 'custom', input: m.date, path: ['meetings', i, 'date'], message: 'date.start is after date.end' });
        }
        m.sources.forEach((s, j) => {
          if (!files.has(s.file)) {
            ctx.issues.push({ code: 'custom', input: s.file, path: ['meetings', i, 'sources', j, 'file'], message: `unknown source file "${s.file}"` });
          }
          if (s.end < s.start || s.end - s.start !== s.quote.length) {
            ctx.issues.push({ code: 'custom', input: s, path: ['meetings', i, 'sources', j], message: 'span length does not match its quote' });
          }
        });
      });
    }),
  );

export type IsoDayString = z.infer<typeof IsoDay>;
export type DatePrecision = z.infer<typeof DatePrecision>;
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export type MeetingKind = z.infer<typeof MeetingKind>;
export type Source = z.infer<typeof Source>;
export type Place = z.infer<typeof Place>;
export type State = z.infer<typeof State>;
export type EvidenceSpan = z.infer<typeof EvidenceSpan>;
export type MeetingDate = z.infer<typeof MeetingDate>;
export type StateGroupMention = z.infer<typeof StateGroupMention>;
export type Person = z.infer<typeof Person>;
/** A meeting as the app and the exports see it: `people` always present (empty for version 1 files). */
export type Meeting = Omit<z.infer<typeof Meeting>, 'people'> & { people: Person[] };
export type Disagreement = z.infer<typeof Disagreement>;
/** The dataset as read: every meeting lists its people (see `parseDataset`). */
export type Dataset = Omit<z.infer<typeof Dataset>, 'meetings'> & { meetings: Meeting[] };
/** The version this code writes. */
export const SCHEMA_VERSION = 2 as const;

/** Human-readable lines for every schema problem, each with its JSON path. */
export function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
}

/**
 * Validates unknown JSON as a dataset: either the typed dataset or readable problems.
 *
 * The dataset returned is zod's copy (unknown keys dropped), or with `keep: 'input'` the
 * input's own objects once they pass: no field of the schema is transformed, so the two
 * differ only in keys the schema does not know. The app loads its file that way (100k
 * meetings at the most): zod's copies, dropped at once, leave whole pages of garbage that are
 * cheap to free, where keeping the copies leaves the parsed file's objects dead among the
 * strings that live on, pages the next major collection has to compact, and it ran during
 * the first window steps (issue 19).
 */
export function parseDataset(json: unknown, options: { keep?: 'copy' | 'input' } = {}): { ok: true; dataset: Dataset } | { ok: false; problems: string[] } {
  const result = Dataset.safeParse(json);
  if (result.success) {
    const data = options.keep === 'input' ? (json as typeof result.data) : result.data;
    // Filled in place, not copied once more (a second copy of every meeting is 10 MB of
    // heap at 100k meetings).
    for (const m of data.meetings) m.people ??= [];
    return { ok: true, dataset: data as Dataset };
  }
  return { ok: false, problems: describeIssues(result.error) };
}
