/**
 * From a seeds folder to the dataset: read and check the inputs, extract meetings per
 * article, give them stable ids, apply curation, build the place and state tables, order
 * everything deterministically and validate against the one schema.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Dataset, describeIssues, type Meeting, type Place, SCHEMA_VERSION, type Source, type State, parseDataset } from '../../dataset/schema';
import type { ResolvedPlace } from '../contracts';
import { analyzeFile } from '../extract/analyze';
import { type Lexicon, parseLexicon } from '../extract/lexicon';
import { type PersonWords, parsePersonWords } from '../people/words';
import { extractMeetings } from '../extract/meetings';
import { compileTopics, type TopicRule, TopicsFile } from '../extract/topics';
import { findImpossibleDates } from '../dates/impossible';
import { loadGazetteer } from '../places/gazetteer';
import { mergeReports, type MergeRecord, type MergeRules } from '../merge/mergeReports';
import { parseMergeRules } from '../merge/rules';
import { applyCuration, type CurationEntry, parseCuration } from './curation';
import { readJsonFile, readSeeds, type Warning } from './inputs';
import { unknownVenueNames } from './unknownVenues';

export const REPO_ROOT = new URL('../../../', import.meta.url).pathname;
export const DEFAULT_CURATION = join(REPO_ROOT, 'data/curation.json');
export const TOPICS_FILE = join(REPO_ROOT, 'data/topics.json');

export interface PipelineOptions {
  seedsDir: string;
  /** Default: seedsDir/sources.json (the development set keeps it beside its articles/ folder). */
  sourcesPath?: string;
  /** Curation file; null for none (evaluation scores the rules alone). */
  curationPath?: string | null;
}

export interface Skipped {
  file: string;
  what: string;
  reason: string;
}

export interface PipelineResult {
  dataset: Dataset;
  /** Article texts by file name (for evaluation and curation). */
  texts: Map<string, string>;
  warnings: Warning[];
  skipped: Skipped[];
  /** Per meeting id: the rules that fired, for the review report. */
  why: Map<string, string[]>;
  /** Meetings the merge stage joined from several articles' reports. */
  merges: MergeRecord[];
}

/** Stable, readable id: the file's stem and the offset of the meeting's first evidence. */
export function meetingId(file: string, start: number): string {
  const stem = file.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const short = stem.length > 20 ? `${stem.slice(0, 12)}-${createHash('sha1').update(stem).digest('hex').slice(0, 6)}` : stem;
  return `${short}-${start}`;
}

export const LEXICON_FILE = join(REPO_ROOT, 'data/meeting-words.json');
let lexiconCache: Lexicon | null = null;
/** data/meeting-words.json, checked once with zod; a bad file stops the build with its name and field. */
function loadLexicon(): Lexicon {
  lexiconCache ??= parseLexicon(JSON.parse(readFileSync(LEXICON_FILE, 'utf8')));
  return lexiconCache;
}

export const PERSON_WORDS_FILE = join(REPO_ROOT, 'data/person-words.json');
let personWordsCache: PersonWords | null = null;
/** data/person-words.json, checked once with zod like the lexicon. */
export function loadPersonWords(): PersonWords {
  personWordsCache ??= parsePersonWords(JSON.parse(readFileSync(PERSON_WORDS_FILE, 'utf8')));
  return personWordsCache;
}

export const MERGE_RULES_FILE = join(REPO_ROOT, 'data/merge-rules.json');
let mergeRules: MergeRules | null = null;
/** data/merge-rules.json, checked once; a bad file stops the build with its name and field. */
function loadMergeRules(): MergeRules {
  mergeRules ??= parseMergeRules(JSON.parse(readFileSync(MERGE_RULES_FILE, 'utf8')));
  return mergeRules;
}

let topicRules: TopicRule[] | null = null;
function loadTopics(warnings: Warning[]): TopicRule[] {
  if (topicRules) return topicRules;
  const json = readJsonFile(TOPICS_FILE, 'data/topics.json', warnings);
  const parsed = json === undefined ? null : TopicsFile.safeParse(json);
  if (!parsed?.success) {
    const why = parsed ? describeIssues(parsed.error).join('; ') : 'unreadable';
    warnings.push({ file: 'data/topics.json', message: `expected { "topics": [ { "label", "patterns": [...] } ] } (${why}); meetings get no topics` });
    return [];
  }
  topicRules = compileTopics(parsed.data);
  return topicRules;
}

/** How far into a file a sentence end must come before the file is reported as one endless sentence. */
export const SENTENCE_END_WITHIN = 100_000;

/**
 * What in a file's text the pipeline can only read as nothing: days no calendar has ("February
 * 30") and a file with no sentence end early on (one endless line). Each is named with its line.
 */
export function inputTextWarnings(file: string, text: string): Warning[] {
  const out: Warning[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  for (const d of findImpossibleDates(text)) {
    out.push({ file, where: `line ${lineOf(d.start)}`, message: `"${d.text}" is not a calendar day; expected a real day of that month (it is read as no date)` });
  }
  if (text.length > SENTENCE_END_WITHIN && !/[.!?…](?:["'”’)\]]*)(?:\s|$)/u.test(text.slice(0, SENTENCE_END_WITHIN))) {
    out.push({ file, where: 'line 1', message: `no sentence end (. ! ?) in its first ${SENTENCE_END_WITHIN.toLocaleString('en')} characters; expected prose in sentences, so no meeting can be read from it` });
  }
  return out;
}

export function runPipeline(options: PipelineOptions): PipelineResult {
  const gazetteer = loadGazetteer();
  const inputs = readSeeds(options.seedsDir, options.sourcesPath);
  const warnings: Warning[] = [...inputs.warnings];
  const skipped: Skipped[] = inputs.skipped.map((s) => ({ file: s.file, what: 'file', reason: s.reason }));
  const topics = loadTopics(warnings);
  const lexicon = loadLexicon();
  const why = new Map<string, string[]>();
  const usedIds = new Set<string>();
  const venueWarnings: Array<{ meetingId: string; warning: Warning }> = [];
  const sources: Source[] = [];
  let meetings: Meeting[] = [];
  let merges: MergeRecord[] = [];
  const places = new Map<string, Place>();
  const usePlace = (p: ResolvedPlace): string => {
    if (!places.has(p.id)) places.set(p.id, { id: p.id, name: p.name, countryIso3: p.countryIso3, lon: p.lon, lat: p.lat, gazetteerId: p.gazetteerId });
    return p.id;
  };
  const stateName = (iso3: string) => gazetteer.stateName(iso3) ?? iso3;

  for (const { file, text } of inputs.articles) {
    const info = inputs.sources.get(file);
    const analyzed = analyzeFile(file, text, info?.published, gazetteer);
    const published = info?.published !== undefined ? info.published : (analyzed.segments.find((s) => s.published)?.published?.date ?? null);
    const source: Source = { file, published: published ?? null };
    if (info?.outlet) source.outlet = info.outlet;
    if (info?.url) source.url = info.url;
    const title = info?.title ?? analyzed.segments[0]?.headline?.text;
    if (title) source.title = title;
    if (info?.retrieved) source.retrieved = info.retrieved;
    sources.push(source);
    for (const seg of analyzed.segments) {
      for (const c of seg.clutter) skipped.push({ file, what: `${c.reason} at ${c.start}..${c.end}: "${clip(c.text)}"`, reason: 'page clutter is not a source of facts' });
    }
    if (analyzed.segments.length === 0) warnings.push({ file, message: 'no article text found' });
    else if (analyzed.segments.every((seg) => seg.sentences.length === 0)) {
      warnings.push({ file, message: 'no article body found, only page furniture (headlines, labels, links); expected sentences of prose a meeting could come from' });
    }
    warnings.push(...inputTextWarnings(file, text));
    for (const article of analyzed.articles) {
      const onSkip = (sentence: { start: number; end: number; text: string }, reason: string) =>
        skipped.push({ file, what: `sentence at ${sentence.start}..${sentence.end}: "${clip(sentence.text)}"`, reason });
      for (const m of extractMeetings(article, { topics, stateName, onSkip, lexicon, personWords: loadPersonWords(), capitalOf: (iso3) => gazetteer.capitalOf(iso3) })) {
        // Two meetings from one sentence ("talks with his counterparts X and Y") share a first span.
        let id = meetingId(file, m.sources[0]!.start);
        for (let n = 2; usedIds.has(id); n++) id = `${meetingId(file, m.sources[0]!.start)}-${n}`;
        usedIds.add(id);
        why.set(id, m.why);
        const meeting: Meeting = {
          id,
          title: m.title,
          kind: m.kind,
          status: m.status,
          date: m.date,
          venuePlaceId: m.venue ? usePlace(m.venue) : null,
          participants: m.participants,
          absent: m.absent,
          organizations: m.organizations,
          topics: m.topics,
          people: m.people,
          confidence: m.confidence,
          primary: m.primary,
          sources: m.sources,
        };
        if (m.groups.length) meeting.groups = m.groups;
        meetings.push(meeting);
        if (m.venue) {
          const rivals = gazetteer.rivalsOf(m.venue.name, m.venue);
          if (rivals.length) {
            const list = rivals.slice(0, 4).map((r) => `${r.name} (${r.countryIso3}, pop. ${r.population})`).join(', ');
            venueWarnings.push({
              meetingId: id,
              warning: {
                file,
                where: `meeting ${id}`,
                message: `venue "${m.venue.name}" is ambiguous: chose ${m.venue.name} (${m.venue.countryIso3}, pop. ${m.venue.population}) over ${list}${rivals.length > 4 ? ' and more' : ''}; confirm or correct its venue in data/curation.json`,
              },
            });
          }
        } else if (m.kind !== 'call') {
          const unknown = unknownVenueNames(m.sources.map((x) => x.quote), gazetteer);
          if (unknown.length) {
            venueWarnings.push({
              meetingId: id,
              warning: {
                file,
                where: `meeting ${id}`,
                message: `no venue: ${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length > 1 ? 'are not cities' : 'is not a city'} the gazetteer knows; add a spelling to data/place-aliases.json or a place to data/landmarks.json, or set the venue in data/curation.json`,
              },
            });
          }
        }
      }
    }
  }

  // Curation is read first: its splits and merges are the merge stage's, its other entries come after.
  const curationPath = options.curationPath === undefined ? DEFAULT_CURATION : options.curationPath;
  const curationLabel = curationPath === DEFAULT_CURATION ? 'data/curation.json' : (curationPath ?? '');
  let curation: CurationEntry[] = [];
  if (curationPath && existsSync(curationPath)) {
    const json = readJsonFile(curationPath, curationLabel, warnings);
    if (json !== undefined) {
      const parsed = parseCuration(json, curationLabel);
      warnings.push(...parsed.warnings);
      curation = parsed.entries;
    }
  }

  // Merge: one meeting reported by several articles becomes one meeting.
  const input = new Set(meetings.map((m) => m.id));
  const merged = mergeReports(meetings, loadMergeRules(), {
    placeOf: (id) => places.get(id) ?? null,
    publishedOf: (file) => sources.find((x) => x.file === file)?.published ?? null,
    split: new Set(curation.flatMap((e) => (e.type === 'split' ? [e.meeting] : []))),
    sameAs: curation.flatMap((e) => (e.type === 'same-as' ? [e.meetings] : [])),
  });
  meetings = merged.meetings;
  merges = merged.merges;
  for (const r of merged.merges) {
    const rules = r.members.flatMap((id) => why.get(id) ?? []);
    why.set(r.id, [...rules, `${r.forced ? 'merged by curation (same-as)' : 'merged'}: ${r.members.join(', ')} from ${r.files.join(', ')}`]);
  }
  for (const e of curation) {
    if (e.type === 'split' && !merged.merges.some((r) => r.id === e.meeting) && !meetings.some((m) => m.id === e.meeting)) {
      warnings.push({ file: curationLabel, where: `entries[${e.index}].split`, message: `no meeting has id "${e.meeting}" (merged meetings are listed by npm run data -- --report)` });
    }
    if (e.type === 'same-as') {
      const missing = e.meetings.filter((id) => !input.has(id));
      if (missing.length) warnings.push({ file: curationLabel, where: `entries[${e.index}].same-as`, message: `no meeting has id ${missing.map((x) => `"${x}"`).join(', ')} (ids are listed by npm run data -- --report)` });
    }
  }

  if (curation.length) {
    const texts = new Map(inputs.articles.map((a) => [a.file, a.text]));
    const applied = applyCuration(meetings, curation, {
      resolveCity: (name, country) => gazetteer.resolveCity(name, country ? { countryIso3: [country] } : undefined),
      fileText: (f) => texts.get(f) ?? null,
      usePlace,
      newId: meetingId,
    }, curationLabel);
    meetings = applied.meetings;
    warnings.push(...applied.warnings);
  }

  // An ambiguous or unknown venue stays a warning until a person settles it with a curation entry.
  const curatedVenue = new Set(meetings.filter((m) => m.curated?.includes('venuePlaceId')).map((m) => m.id));
  for (const a of venueWarnings) if (!curatedVenue.has(a.meetingId)) warnings.push(a.warning);

  // States: every participant, absentee and person's state, each with its capital as a place.
  const iso3s = new Set<string>();
  for (const m of meetings) for (const c of [...m.participants, ...m.absent, ...m.people.flatMap((p) => (p.state ? [p.state] : []))]) iso3s.add(c);
  const states: State[] = [...iso3s].sort().map((iso3) => {
    const capital = gazetteer.capitalOf(iso3);
    if (!capital) warnings.push({ file: '(gazetteer)', where: iso3, message: `no capital for ${iso3}; its links cannot be drawn` });
    return { iso3, name: stateName(iso3), capitalPlaceId: capital ? usePlace(capital) : null };
  });
  // Drop venues no meeting uses any more (curation may have replaced one).
  const used = new Set<string>([...meetings.map((m) => m.venuePlaceId), ...states.map((s) => s.capitalPlaceId)].filter((x): x is string => x !== null));

  meetings.sort((a, b) => {
    const fa = a.sources[0]!;
    const fb = b.sources[0]!;
    return fa.file.localeCompare(fb.file) || fa.start - fb.start || a.id.localeCompare(b.id);
  });
  const dataset: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    sources: sources.sort((a, b) => a.file.localeCompare(b.file)),
    places: [...places.values()].filter((p) => used.has(p.id)).sort((a, b) => a.id.localeCompare(b.id)),
    states,
    meetings,
  };
  const checked = parseDataset(dataset);
  if (!checked.ok) throw new DatasetInvalidError(checked.problems);
  return { dataset: checked.dataset, texts: new Map(inputs.articles.map((a) => [a.file, a.text])), warnings, skipped, why, merges };
}

export class DatasetInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`the dataset does not match its schema:\n  ${problems.join('\n  ')}`);
  }
}

/** The dataset as written: two-space JSON with a final newline, so runs are byte-identical. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export function readDatasetFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
