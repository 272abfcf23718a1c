import fs from 'node:fs';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../dataset/schema';
import { dayFromIso } from '../timeline/days';
import { focusOpacity, linkFilter, type LinkClass, type LinkFilterInput } from './linkFilter';
import { buildMeetingLinks } from './links';

const parsed = parseDataset(JSON.parse(fs.readFileSync(new URL('./links.fixture.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const links = buildMeetingLinks(parsed.dataset);
const all = [...links.arcs.features, ...links.rings.features];

/** Evaluates a filter the way MapLibre does (its own style-spec expression engine). */
function shown(linkClass: LinkClass, input: LinkFilterInput): Set<string> {
  const compiled = expression.createExpression(linkFilter(linkClass, input), 'filter', {
    type: 'boolean',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
    transition: false,
  } as never);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  const out = new Set<string>();
  for (const f of all) {
    if (compiled.value.evaluate({ zoom: 3 }, { type: 'Feature', properties: f.properties } as never)) out.add(`${f.properties.meetingId}:${f.properties.iso3}`);
  }
  return out;
}

const day = (iso: string) => dayFromIso(iso)!;
const base: LinkFilterInput = { window: { from: day('2014-01-01'), to: day('2025-12-31') }, showUndated: false, showAbsent: false, meetingIds: null };

describe('linkFilter', () => {
  it('shows held, dated, present links in the window', () => {
    const held = shown('held', base);
    expect(held.has('m2:PAK')).toBe(true);
    expect(held.has('m5:PAK')).toBe(false); // planned
    expect(held.has('m8:CHN')).toBe(false); // undated
    expect(held.has('m1:IND')).toBe(false); // absent
    expect(shown('unheld', base)).toEqual(new Set(['m5:PAK', 'm5:AFG']));
  });

  it('keeps a month-precision meeting while the window touches any of its days', () => {
    const feb = { ...base, window: { from: day('2021-02-27'), to: day('2021-03-10') } };
    expect([...shown('held', feb)].every((k) => k.startsWith('m1:'))).toBe(true);
    expect(shown('held', feb).size).toBe(4); // 3 arcs + the host ring
    const march = { ...base, window: { from: day('2021-03-01'), to: day('2021-03-10') } };
    expect(shown('held', march).size).toBe(0);
  });

  it('adds undated links and absent states only on request', () => {
    expect(shown('held', { ...base, showUndated: true }).has('m8:CHN')).toBe(true);
    expect(shown('absent', base).size).toBe(0);
    expect(shown('absent', { ...base, showAbsent: true })).toEqual(new Set(['m1:IND', 'm1:IRN', 'm1:CHN', 'm1:RUS']));
  });

  it('restricts to the meetings the state/topic filters allow', () => {
    expect([...shown('held', { ...base, meetingIds: ['m6'] })]).toEqual(['m6:PAK', 'm6:USA']);
    expect(shown('held', { ...base, meetingIds: [] }).size).toBe(0);
  });

  it('shows no dated link when there is no window', () => {
    expect(shown('held', { ...base, window: null }).size).toBe(0);
  });
});

describe('focusOpacity', () => {
  it('is a constant without focus and a case on the meeting or venue otherwise', () => {
    expect(focusOpacity(null, 0.8, 0.1)).toBe(0.8);
    expect(focusOpacity({ meetingId: 'm2' }, 0.8, 0.1)).toEqual(['case', ['==', ['get', 'meetingId'], 'm2'], 1, 0.1]);
    expect(focusOpacity({ venue: 'kabul' }, 0.8, 0.1)).toEqual(['case', ['==', ['get', 'venue'], 'kabul'], 1, 0.1]);
  });
});

