import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../dataset/schema';
import { DEFAULT_VIEW_STATE, type ViewState } from '../state/viewState';
import { selectTopics } from '../state/selectors';
import { isoFromDay } from '../time/days';
import { checkViewAgainstDataset, parseViewQuery, roundCamera, serializeView } from './codec';

const parsed = parseDataset(JSON.parse(fs.readFileSync('public/data/meetings.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const dataset = parsed.dataset;

describe('parseViewQuery', () => {
  it('gives the default view for an empty query', () => {
    expect(parseViewQuery('')).toEqual({ view: DEFAULT_VIEW_STATE, notices: [] });
    expect(parseViewQuery('?')).toEqual({ view: DEFAULT_VIEW_STATE, notices: [] });
  });
  it('reads every parameter', () => {
    const { view, notices } = parseViewQuery(
      '?from=2024-01-01&to=2025-12-31&city=kabul&meeting=m2&state=pak&topic=ttp&person=mohsin-naqvi&absent=1&undated=1&animate=0&cam=69.2,34.5,5.5&embed=1&view=list',
    );
    expect(notices).toEqual([]);
    expect(view).toEqual({
      from: '2024-01-01',
      to: '2025-12-31',
      city: 'kabul',
      meeting: 'm2',
      state: 'PAK',
      topic: 'ttp',
      person: 'mohsin-naqvi',
      showAbsent: true,
      showUndated: true,
      animate: false,
      camera: { lon: 69.2, lat: 34.5, zoom: 5.5 },
      embed: true,
      view: 'list',
    } satisfies ViewState);
  });
  it('falls back with a notice naming the parameter and what was expected', () => {
    const { view, notices } = parseViewQuery('?from=2025-02-30&cam=500,1,2&view=globe&absent=maybe&state=PAKISTAN&city=<script>&person=Mohsin Naqvi');
    expect(view).toEqual(DEFAULT_VIEW_STATE);
    expect(notices).toEqual([
      'Ignored from="2025-02-30": expected a real calendar day as YYYY-MM-DD.',
      expect.stringMatching(/^Ignored cam="500,1,2": expected longitude,latitude,zoom/),
      'Ignored view="globe": expected "map" or "list".',
      'Ignored absent="maybe": expected 1 or 0.',
      'Ignored state="PAKISTAN": expected a three-letter country code such as PAK.',
      'Ignored city="<script>": expected a place id such as "kabul".',
      'Ignored person="Mohsin Naqvi": expected a person\'s slug such as "mohsin-naqvi".',
    ]);
  });
  it('drops a window whose start is after its end', () => {
    const { view, notices } = parseViewQuery('from=2025-01-01&to=2024-01-01');
    expect(view.from).toBeNull();
    expect(view.to).toBeNull();
    expect(notices[0]).toMatch(/start is after its end/);
  });
  it('names unknown parameters', () => {
    expect(parseViewQuery('frm=2024-01-01').notices).toEqual([expect.stringMatching(/^Ignored unknown parameter "frm" \(known: from, to/)]);
  });
  it('cuts very long values in notices', () => {
    const { notices } = parseViewQuery(`city=${'X'.repeat(10_000)}`);
    expect(notices[0]!.length).toBeLessThan(200);
  });
});

const isoDay = fc.integer({ min: -20_000, max: 40_000 }).map(isoFromDay);
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const arbitraryView: fc.Arbitrary<ViewState> = fc
  .record({
    window: fc.option(fc.tuple(isoDay, isoDay).map(([a, b]) => (a <= b ? [a, b] : [b, a]))),
    from: fc.option(isoDay),
    city: fc.option(slug),
    meeting: fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,30}$/)),
    state: fc.option(fc.stringMatching(/^[A-Z]{3}$/)),
    topic: fc.option(slug),
    person: fc.option(slug),
    showAbsent: fc.boolean(),
    showUndated: fc.boolean(),
    animate: fc.boolean(),
    camera: fc.option(fc.record({ lon: fc.double({ min: -180, max: 180, noNaN: true }), lat: fc.double({ min: -85, max: 85, noNaN: true }), zoom: fc.double({ min: 0, max: 22, noNaN: true }) }).map(roundCamera)),
    embed: fc.boolean(),
    view: fc.constantFrom('map' as const, 'list' as const),
  })
  .map(({ window, from, ...rest }) => ({
    ...rest,
    // Either a whole window or only a start (the end then follows the data).
    from: window ? window[0]! : from,
    to: window ? window[1]! : null,
  }));

describe('codec round trip', () => {
  it('reads back what it writes', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const query = serializeView(view);
        const back = parseViewQuery(query);
        expect(back.notices).toEqual([]);
        // -0 and 0 print alike; compare as the URL sees them.
        expect(serializeView(back.view)).toBe(query);
        expect({ ...back.view, camera: null }).toEqual({ ...view, camera: null });
      }),
      { numRuns: 500 },
    );
  });
  it('writes nothing for the default view', () => {
    expect(serializeView(DEFAULT_VIEW_STATE)).toBe('');
  });
  it('writes readable URLs', () => {
    expect(serializeView({ ...DEFAULT_VIEW_STATE, from: '2024-01-01', to: '2025-12-31', city: 'kabul', state: 'PAK', topic: 'ttp', camera: { lon: 69.123456, lat: 34.5, zoom: 5 } })).toBe(
      'from=2024-01-01&to=2025-12-31&city=kabul&state=PAK&topic=ttp&cam=69.1235,34.5,5',
    );
  });
});

describe('codec under hostile input', () => {
  const anyQuery = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.array(fc.tuple(fc.constantFrom('from', 'to', 'city', 'meeting', 'state', 'topic', 'absent', 'undated', 'animate', 'cam', 'embed', 'view', '', '%', '__proto__', 'constructor'), fc.string({ unit: 'binary' }))).map((pairs) =>
      pairs.map(([k, v]) => `${k}=${v}`).join('&'),
    ),
    fc.array(fc.tuple(fc.constantFrom('from', 'to', 'cam', 'state'), fc.string())).map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
  );
  it('never throws; gives a valid view, and a notice whenever a value was not taken', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const { view, notices } = parseViewQuery(query);
        expect(Object.keys(view).sort()).toEqual(Object.keys(DEFAULT_VIEW_STATE).sort());
        for (const k of ['from', 'to'] as const) if (view[k] !== null) expect(view[k]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (view.from !== null && view.to !== null) expect(view.from <= view.to).toBe(true);
        if (view.state !== null) expect(view.state).toMatch(/^[A-Z]{3}$/);
        if (view.camera) expect(Number.isFinite(view.camera.lon + view.camera.lat + view.camera.zoom)).toBe(true);
        expect(['map', 'list']).toContain(view.view);
        expect(notices.every((n) => typeof n === 'string' && n.length < 400)).toBe(true);
        // The view it yields survives a round trip, so the URL sync can write it back.
        expect(parseViewQuery(serializeView(view)).notices).toEqual([]);
        const params = new URLSearchParams(query);
        const given = [...params.keys()].filter((k) => k !== '');
        if (given.length > 0 && serializeView(view) === '' && [...params.values()].some((v) => !['', '0', 'false', 'map'].includes(v.trim()))) {
          expect(notices.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('checkViewAgainstDataset', () => {
  it('keeps names the dataset knows', () => {
    const topic = selectTopics(dataset)[0]!.slug;
    const view = { ...DEFAULT_VIEW_STATE, city: 'kabul', state: 'PAK', topic };
    expect(checkViewAgainstDataset(view, dataset)).toEqual({ view, notices: [] });
  });
  it('drops names it does not know, with a notice each', () => {
    const { view, notices } = checkViewAgainstDataset({ ...DEFAULT_VIEW_STATE, city: 'atlantis', meeting: 'nope', state: 'ZZZ', topic: 'knitting' }, dataset);
    expect(view).toEqual(DEFAULT_VIEW_STATE);
    expect(notices.map((n) => n.split('=')[0])).toEqual(['Ignored city', 'Ignored meeting', 'Ignored state', 'Ignored topic']);
  });
});
