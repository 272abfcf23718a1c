import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../dataset/schema';
import { runPipeline } from '../build/dataset';
import { mergeReports, type MergeContext } from './mergeReports';
import { parseMergeRules } from './rules';

const rules = parseMergeRules(JSON.parse(readFileSync(new URL('../../../data/merge-rules.json', import.meta.url), 'utf8')));

// ---------------------------------------------------------------------------------------------
// Reports written in the shapes real outlets use, through the whole pipeline.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the real pipeline on made-up articles; returns the dataset's meetings. */
function pipeline(articles: Record<string, string>, published: Record<string, string>): Meeting[] {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-merge-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(articles)) writeFileSync(join(dir, file), text);
  const sources = Object.fromEntries(Object.entries(published).map(([f, d]) => [f, { published: d }]));
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
  return runPipeline({ seedsDir: dir, sourcesPath: join(dir, 'sources.json'), curationPath: null }).dataset.meetings;
}

const WIRE = `Pakistan and China agree to boost counter-terrorism cooperation

ISLAMABAD (Agency) – Pakistan's interior minister and China's public security minister held talks in Islamabad on Tuesday on the security of Chinese nationals, officials said.
The two ministers also discussed border security.
`;
const REWRITE = `Interior minister meets Chinese counterpart

Pakistan's interior minister met China's public security minister in Islamabad on Tuesday, the interior ministry said in a statement.
The meeting focused on the security of Chinese workers.
`;

describe('merging reports of one meeting across articles (made-up reports)', () => {
  it('wire copy and a rewrite of it are one meeting with sources in both files', () => {
    const meetings = pipeline({ 'a-wire.txt': WIRE, 'b-rewrite.txt': REWRITE }, { 'a-wire.txt': '2024-05-15', 'b-rewrite.txt': '2024-05-15' });
    expect(meetings).toHaveLength(1);
    const [m] = meetings;
    expect(new Set(m!.sources.map((s) => s.file))).toEqual(new Set(['a-wire.txt', 'b-rewrite.txt']));
    expect(m).toMatchObject({ id: meetings[0]!.id, venuePlaceId: 'islamabad', participants: ['CHN', 'PAK'], date: { start: '2024-05-14', precision: 'day' } });
    expect(m!.id.startsWith('a-wire')).toBe(true);
  });

  it('a passing mention in a later article joins the meeting; where the day differs, both are listed', () => {
    const later = `Chinese engineers return to work

ISLAMABAD: Work resumed at the dam site on Friday. Pakistan and China held talks in Islamabad on Wednesday on the security of Chinese nationals, a week after an attack.
`;
    const meetings = pipeline({ 'a-wire.txt': WIRE, 'c-later.txt': later }, { 'a-wire.txt': '2024-05-15', 'c-later.txt': '2024-05-17' });
    const joined = meetings.find((m) => m.sources.some((s) => s.file === 'c-later.txt') && m.sources.some((s) => s.file === 'a-wire.txt'));
    expect(joined).toBeDefined();
    expect(joined!.date.start).toBe('2024-05-14');
    expect(joined!.disagreements).toEqual([
      expect.objectContaining({ field: 'date', chosen: '2024-05-14', values: [expect.objectContaining({ value: '2024-05-14', file: 'a-wire.txt' }), expect.objectContaining({ value: '2024-05-15', file: 'c-later.txt' })] }),
    ]);
  });

  it('two rounds of one format stay two, even in the same city', () => {
    const round5 = 'MOSCOW: The fifth round of consultations between Russia, China, Pakistan and Iran on Afghanistan was held in Moscow on Tuesday.\n';
    const round6 = 'MOSCOW: The sixth round of consultations between Russia, China, Pakistan and Iran on Afghanistan was held in Moscow on Wednesday.\n';
    const meetings = pipeline({ 'r5.txt': round5, 'r6.txt': round6 }, { 'r5.txt': '2024-10-02', 'r6.txt': '2024-10-02' });
    expect(meetings).toHaveLength(2);
  });

  it('two meetings in one city a week apart with other participants stay apart', () => {
    const first = 'KABUL: Afghanistan and Uzbekistan held talks in Kabul on Monday on trade and security.\n';
    const second = 'KABUL: Afghanistan and Iran held talks in Kabul on Monday on border security.\n';
    const meetings = pipeline({ 'k1.txt': first, 'k2.txt': second }, { 'k1.txt': '2024-03-04', 'k2.txt': '2024-03-11' });
    expect(meetings).toHaveLength(2);
  });

  it('three reports, one of them a day late and naming Rawalpindi, are one meeting kept in the city most reports give', () => {
    const r1 = 'ISLAMABAD: The army chiefs of Pakistan and China met in Islamabad on Wednesday to discuss security.\n';
    const r2 = 'ISLAMABAD: Pakistan and China held talks in Islamabad on Wednesday on regional security, officials said.\n';
    const r3 = 'RAWALPINDI: The army chiefs of Pakistan and China held talks in Rawalpindi on Thursday.\n';
    const meetings = pipeline({ 'x1.txt': r1, 'x2.txt': r2, 'x3.txt': r3 }, { 'x1.txt': '2024-11-27', 'x2.txt': '2024-11-27', 'x3.txt': '2024-11-28' });
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.venuePlaceId).toBe('islamabad');
    expect(meetings[0]!.disagreements?.map((d) => d.field).sort()).toEqual(['date', 'venue']);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties of the stage itself, on generated reports.

const PLACES: Record<string, { lon: number; lat: number; name: string }> = {
  islamabad: { lon: 73.04, lat: 33.72, name: 'Islamabad' },
  rawalpindi: { lon: 73.06, lat: 33.6, name: 'Rawalpindi' },
  kabul: { lon: 69.17, lat: 34.53, name: 'Kabul' },
  moscow: { lon: 37.62, lat: 55.75, name: 'Moscow' },
};
const ctx: MergeContext = { placeOf: (id) => PLACES[id] ?? null };

const report = (file: string, n: number) =>
  fc.record({
    day: fc.integer({ min: 1, max: 12 }),
    venue: fc.constantFrom('islamabad', 'rawalpindi', 'kabul', 'moscow', null),
    participants: fc.subarray(['AFG', 'CHN', 'IRN', 'PAK', 'RUS'], { minLength: 1 }),
    status: fc.constantFrom('held', 'planned'),
    ordinal: fc.constantFrom('', 'the fifth round of ', 'the sixth round of '),
  }).map((r): Meeting => {
    const date = `2024-05-${String(r.day).padStart(2, '0')}`;
    const quote = `${r.ordinal}talks between ${r.participants.join(', ')}`;
    return {
      id: `${file}-${n}`,
      title: 't',
      kind: r.participants.length >= 4 ? 'multilateral' : r.participants.length === 3 ? 'trilateral' : 'bilateral',
      status: r.status as Meeting['status'],
      date: { start: date, end: date, precision: 'day' },
      venuePlaceId: r.venue,
      participants: [...r.participants].sort(),
      absent: [],
      organizations: [],
      topics: [],
      people: [],
      confidence: 0.5,
      sources: [{ file, start: n * 100, end: n * 100 + quote.length, quote }],
    };
  });

const corpus = fc.array(fc.tuple(fc.constantFrom('a.txt', 'b.txt', 'c.txt', 'd.txt'), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 10 }).chain((keys) => {
  const unique = [...new Map(keys.map(([f, n]) => [`${f}-${n}`, [f, n] as const])).values()];
  return fc.tuple(...unique.map(([f, n]) => report(f, n)));
});

describe('merge stage properties (fast-check)', () => {
  it('does not depend on the order of the reports', () => {
    fc.assert(
      fc.property(corpus, fc.integer(), (meetings, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(meetings, { minLength: meetings.length, maxLength: meetings.length }), { seed, numRuns: 1 })[0]!;
        expect(mergeReports(shuffled, rules, ctx)).toEqual(mergeReports(meetings, rules, ctx));
      }),
      { numRuns: 150 },
    );
  });

  it('adding an unrelated article never changes an existing meeting', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 0, max: 5 }), (meetings, n) => {
        const before = mergeReports(meetings, rules, ctx).meetings;
        // Another article about other states, in another month: related to nothing here.
        const unrelated: Meeting = { ...meetings[0]!, id: `e.txt-${n}`, participants: ['USA', 'UZB'], date: { start: '2023-01-10', end: '2023-01-10', precision: 'day' }, sources: [{ file: 'e.txt', start: 0, end: 5, quote: 'talks' }] };
        const after = mergeReports([...meetings, unrelated], rules, ctx).meetings;
        expect(after.filter((m) => m.id !== unrelated.id)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('never merges two reports of one article, and every source is kept exactly once', () => {
    fc.assert(
      fc.property(corpus, (meetings) => {
        const out = mergeReports(meetings, rules, ctx).meetings;
        const spans = (ms: Meeting[]) => ms.flatMap((m) => m.sources.map((s) => `${s.file}:${s.start}`)).sort();
        expect(spans(out)).toEqual(spans(meetings));
        for (const m of out) {
          const firstSpans = m.sources.filter((s, i, all) => all.findIndex((x) => x.file === s.file) === i);
          expect(firstSpans.length).toBe(new Set(m.sources.map((s) => s.file)).size);
          expect(meetings.filter((x) => m.sources.some((s) => s.file === x.sources[0]!.file && s.start === x.sources[0]!.start)).map((x) => x.sources[0]!.file).length).toBe(
            new Set(m.sources.map((s) => s.file)).size,
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('curation: split and same-as', () => {
  const a: Meeting = { id: 'a-1', title: 'A', kind: 'bilateral', status: 'held', date: { start: '2024-05-14', end: '2024-05-14', precision: 'day' }, venuePlaceId: 'islamabad', participants: ['CHN', 'PAK'], absent: [], organizations: [], topics: [], people: [], confidence: 0.5, sources: [{ file: 'a.txt', start: 0, end: 5, quote: 'talks' }] };
  const b: Meeting = { ...a, id: 'b-1', sources: [{ file: 'b.txt', start: 0, end: 5, quote: 'talks' }] };
  const c: Meeting = { ...a, id: 'c-1', participants: ['AFG', 'UZB'], venuePlaceId: 'kabul', date: { start: '2024-01-02', end: '2024-01-02', precision: 'day' }, sources: [{ file: 'c.txt', start: 0, end: 5, quote: 'talks' }] };
  it('split keeps a merged meeting\'s reports apart', () => {
    expect(mergeReports([a, b], rules, ctx).meetings).toHaveLength(1);
    expect(mergeReports([a, b], rules, { ...ctx, split: new Set(['a-1']) }).meetings.map((m) => m.id)).toEqual(['a-1', 'b-1']);
  });
  it('same-as joins reports the rules keep apart', () => {
    const { meetings, merges } = mergeReports([a, c], rules, { ...ctx, sameAs: [['a-1', 'c-1']] });
    expect(meetings).toHaveLength(1);
    expect(merges).toEqual([{ id: 'a-1', members: ['a-1', 'c-1'], files: ['a.txt', 'c.txt'], forced: true }]);
  });
});
