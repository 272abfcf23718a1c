/**
 * Human corrections and additions (data/curation.json). Each entry addresses a meeting by
 * its stable id, says which fields to set, and must give a `note` (why) and a `source`
 * (where the fact comes from). Fields set here are listed in `meeting.curated` so the
 * report and the app can show that they did not come from the text.
 *
 * A bad entry is a warning naming the file, the entry and the field; it is skipped.
 */
import * as z from 'zod/mini';
import { Iso3, IsoDay, MeetingDate, MeetingKind, MeetingStatus, describeIssues, type Meeting } from '../../dataset/schema';
import type { ResolvedPlace } from '../contracts';
import type { Warning } from './inputs';

const Venue = z.nullable(z.object({ city: z.string().check(z.minLength(1)), country: z.optional(Iso3) }));

/** Fields a correction may set, and their shapes. `venue` names a city the gazetteer resolves. */
const Fields = z.object({
  title: z.optional(z.string().check(z.minLength(1))),
  kind: z.optional(MeetingKind),
  status: z.optional(MeetingStatus),
  date: z.optional(MeetingDate),
  venue: z.optional(Venue),
  participants: z.optional(z.array(Iso3)),
  absent: z.optional(z.array(Iso3)),
  organizations: z.optional(z.array(z.string())),
  topics: z.optional(z.array(z.string())),
  primary: z.optional(z.boolean()),
  confidence: z.optional(z.number().check(z.gte(0), z.lte(1))),
  /** The people at the table, each with a quote that names them (found in the file like an addition's evidence). */
  people: z.optional(
    z.array(
      z.object({
        name: z.string().check(z.minLength(1)),
        role: z.optional(z.nullable(z.string())),
        state: z.optional(z.nullable(Iso3)),
        organization: z.optional(z.nullable(z.string())),
        evidence: z.object({ file: z.string(), quote: z.string().check(z.minLength(3)) }),
      }),
    ),
  ),
});
export type CurationFields = z.infer<typeof Fields>;

const Note = z.string().check(z.minLength(3, 'expected a note saying why'));
const SourceRef = z.string().check(z.minLength(3, 'expected a source: a URL, a document, or "seed <file>"'));

const Correction = z.object({ meeting: z.string().check(z.minLength(1)), set: Fields, note: Note, source: SourceRef });
const Removal = z.object({ meeting: z.string().check(z.minLength(1)), remove: z.literal(true), note: Note, source: SourceRef });
const Addition = z.object({
  add: z.extend(Fields, {
    title: z.string().check(z.minLength(1)),
    status: MeetingStatus,
    kind: MeetingKind,
    /** The meeting's evidence: a quote that must occur verbatim in the file. */
    evidence: z.object({ file: z.string(), quote: z.string().check(z.minLength(10)) }),
  }),
  note: Note,
  source: SourceRef,
});

/** Reports the merge stage joined that are different meetings: they stay apart. */
const Split = z.object({ split: z.string().check(z.minLength(1)), note: Note, source: SourceRef });
/** Reports of one meeting the merge stage did not join (two ids or more, from different articles). */
const SameAs = z.object({ 'same-as': z.array(z.string().check(z.minLength(1))).check(z.minLength(2, 'expected two meeting ids or more')), note: Note, source: SourceRef });

export type CurationEntry =
  | { type: 'split'; index: number; meeting: string; note: string; source: string }
  | { type: 'same-as'; index: number; meetings: string[]; note: string; source: string }
  | { type: 'correct'; index: number; meeting: string; set: CurationFields; note: string; source: string }
  | { type: 'remove'; index: number; meeting: string; note: string; source: string }
  | { type: 'add'; index: number; add: z.infer<typeof Addition>['add']; note: string; source: string };

/** Validates the curation file; returns the good entries and a warning per bad one. */
export function parseCuration(json: unknown, label: string): { entries: CurationEntry[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const entries: CurationEntry[] = [];
  const list = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(list)) {
    warnings.push({ file: label, message: 'expected { "entries": [ ... ] } with corrections { meeting, set, note, source }, removals { meeting, remove: true, note, source }, additions { add, note, source }, splits { split, note, source } or merges { "same-as": [ids], note, source }' });
    return { entries, warnings };
  }
  list.forEach((raw, index) => {
    const where = `entries[${index}]`;
    if (typeof raw !== 'object' || raw === null) {
      warnings.push({ file: label, where, message: 'expected an object' });
      return;
    }
    const shape = 'add' in raw ? Addition : 'remove' in raw ? Removal : 'split' in raw ? Split : 'same-as' in raw ? SameAs : Correction;
    const r = shape.safeParse(raw);
    if (!r.success) {
      warnings.push({ file: label, where, message: `skipped: ${describeIssues(r.error).join('; ')}` });
      return;
    }
    const v = r.data as Record<string, unknown>;
    if ('split' in v) entries.push({ type: 'split', index, meeting: v.split as string, note: v.note as string, source: v.source as string });
    else if ('same-as' in v) entries.push({ type: 'same-as', index, meetings: v['same-as'] as string[], note: v.note as string, source: v.source as string });
    else if ('add' in v) entries.push({ type: 'add', index, add: v.add as CurationEntry & never, note: v.note as string, source: v.source as string });
    else if ('remove' in v) entries.push({ type: 'remove', index, meeting: v.meeting as string, note: v.note as string, source: v.source as string });
    else entries.push({ type: 'correct', index, meeting: v.meeting as string, set: v.set as CurationFields, note: v.note as string, source: v.source as string });
  });
  return { entries, warnings };
}

export interface CurationContext {
  resolveCity(name: string, country?: string): ResolvedPlace | null;
  fileText(file: string): string | null;
  /** Registers a place the curated meeting now uses, returning its id. */
  usePlace(place: ResolvedPlace): string;
  newId(file: string, start: number): string;
}

/**
 * Applies the entries to the meetings (in place order); returns the curated meetings and
 * the warnings for entries that address nothing or name an unknown city.
 */
export function applyCuration(meetings: Meeting[], entries: CurationEntry[], ctx: CurationContext, label: string): { meetings: Meeting[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  let out = meetings.map((m) => ({ ...m }));
  for (const e of entries) {
    const where = `entries[${e.index}]`;
    // Splits and merges are the merge stage's (it runs before the other entries).
    if (e.type === 'split' || e.type === 'same-as') continue;
    if (e.type === 'remove') {
      if (!out.some((m) => m.id === e.meeting)) warnings.push({ file: label, where: `${where}.meeting`, message: `no meeting has id "${e.meeting}" (ids are listed by npm run data -- --report)` });
      out = out.filter((m) => m.id !== e.meeting);
      continue;
    }
    if (e.type === 'correct') {
      const m = out.find((x) => x.id === e.meeting);
      if (!m) {
        warnings.push({ file: label, where: `${where}.meeting`, message: `no meeting has id "${e.meeting}" (ids are listed by npm run data -- --report)` });
        continue;
      }
      setFields(m, e.set, ctx, warnings, label, where);
      continue;
    }
    const text = ctx.fileText(e.add.evidence.file);
    if (text === null) {
      warnings.push({ file: label, where: `${where}.add.evidence.file`, message: `"${e.add.evidence.file}" is not an article in the seeds folder` });
      continue;
    }
    const start = text.indexOf(e.add.evidence.quote);
    if (start === -1) {
      warnings.push({ file: label, where: `${where}.add.evidence.quote`, message: `the quote does not occur verbatim in ${e.add.evidence.file}` });
      continue;
    }
    const m: Meeting = {
      id: ctx.newId(e.add.evidence.file, start),
      title: e.add.title,
      kind: e.add.kind,
      status: e.add.status,
      date: { start: null, end: null, precision: 'unknown' },
      venuePlaceId: null,
      participants: [],
      absent: [],
      organizations: [],
      topics: [],
      people: [],
      confidence: 1,
      sources: [{ file: e.add.evidence.file, start, end: start + e.add.evidence.quote.length, quote: e.add.evidence.quote }],
    };
    const { evidence: _evidence, ...fields } = e.add;
    setFields(m, fields, ctx, warnings, label, `${where}.add`);
    const set = new Set([...(m.curated ?? []), ...Object.keys(fields).map((k) => (k === 'venue' ? 'venuePlaceId' : k))]);
    m.curated = ['added', ...[...set].sort()];
    out.push(m);
  }
  return { meetings: out, warnings };
}

function setFields(m: Meeting, set: CurationFields, ctx: CurationContext, warnings: Warning[], label: string, where: string): void {
  const curated = new Set(m.curated ?? []);
  for (const [field, value] of Object.entries(set)) {
    if (value === undefined) continue;
    if (field === 'venue') {
      const v = value as { city: string; country?: string } | null;
      if (v === null) m.venuePlaceId = null;
      else {
        const place = ctx.resolveCity(v.city, v.country);
        if (!place) {
          warnings.push({ file: label, where: `${where}.venue.city`, message: `"${v.city}" is not a city the gazetteer knows; expected a city name such as "Kabul"` });
          continue;
        }
        m.venuePlaceId = ctx.usePlace(place);
      }
      curated.add('venuePlaceId');
      continue;
    }
    if (field === 'date') {
      const d = value as Meeting['date'];
      if (d.start && d.end && d.start > d.end) {
        warnings.push({ file: label, where: `${where}.date`, message: 'date.start is after date.end' });
        continue;
      }
      for (const x of [d.start, d.end]) if (x !== null && !IsoDay.safeParse(x).success) warnings.push({ file: label, where: `${where}.date`, message: `${x} is not a real calendar day` });
    }
    if (field === 'people') {
      const people: Meeting['people'] = [];
      for (const [i, p] of (value as NonNullable<CurationFields['people']>).entries()) {
        const text = ctx.fileText(p.evidence.file);
        const start = text === null ? -1 : text.indexOf(p.evidence.quote);
        if (text === null) warnings.push({ file: label, where: `${where}.people.${i}.evidence.file`, message: `"${p.evidence.file}" is not an article in the seeds folder` });
        else if (start === -1) warnings.push({ file: label, where: `${where}.people.${i}.evidence.quote`, message: `the quote does not occur verbatim in ${p.evidence.file}` });
        if (start === -1) continue;
        people.push({ name: p.name, role: p.role ?? null, state: p.state ?? null, organization: p.organization ?? null, evidence: { file: p.evidence.file, start, end: start + p.evidence.quote.length, quote: p.evidence.quote } });
      }
      m.people = people;
      curated.add(field);
      continue;
    }
    (m as Record<string, unknown>)[field] = Array.isArray(value) ? [...value].sort() : value;
    curated.add(field);
  }
  if (m.kind === 'call') m.venuePlaceId = null;
  m.curated = [...curated].sort();
}
