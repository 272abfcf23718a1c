import { describe, expect, it } from 'vitest';
import { parseDataset } from './schema';

const span = { file: 'a.txt', start: 0, end: 5, quote: 'talks' };
const meeting = {
  id: 'a-1', title: 'Talks', kind: 'bilateral', status: 'held', date: { start: null, end: null, precision: 'unknown' },
  venuePlaceId: null, participants: ['AFG', 'PAK'], absent: [], organizations: [], topics: [], confidence: 0.5, sources: [span],
};
const base = {
  sources: [{ file: 'a.txt', published: null }],
  places: [],
  states: [{ iso3: 'AFG', name: 'Afghanistan', capitalPlaceId: null }, { iso3: 'PAK', name: 'Pakistan', capitalPlaceId: null }],
};

describe('dataset schema versions', () => {
  it('reads a version 1 file as if every meeting listed no one', () => {
    const r = parseDataset({ schemaVersion: 1, ...base, meetings: [meeting] });
    expect(r.ok && r.dataset.meetings[0]!.people).toEqual([]);
  });

  it("keeps the input's own objects with keep: 'input' (only keys the schema does not know differ), and checks them the same", () => {
    const input = { schemaVersion: 1, ...base, meetings: [{ ...meeting, note: 'not in the schema' }] };
    const copied = parseDataset(structuredClone(input));
    const kept = parseDataset(input, { keep: 'input' });
    if (!copied.ok || !kept.ok) throw new Error('both should pass');
    expect(kept.dataset.meetings[0]).toBe(input.meetings[0]);
    expect(kept.dataset.meetings[0]!.people).toEqual([]); // filled in place
    expect(copied.dataset.meetings[0]).not.toHaveProperty('note');
    const { note: _note, ...known } = kept.dataset.meetings[0] as typeof kept.dataset.meetings[0] & { note?: string };
    expect(known).toEqual(copied.dataset.meetings[0]);
    const bad = parseDataset({ ...input, meetings: [{ ...meeting, participants: ['IRN'] }] }, { keep: 'input' });
    expect(bad.ok).toBe(false);
  });

  it('reads version 2 people, and checks their state and span', () => {
    const person = { name: 'Mohsin Naqvi', role: 'Interior Minister', state: 'PAK', organization: null, evidence: span };
    const ok = parseDataset({ schemaVersion: 2, ...base, meetings: [{ ...meeting, people: [person] }] });
    expect(ok.ok && ok.dataset.meetings[0]!.people[0]!.name).toBe('Mohsin Naqvi');
    const bad = parseDataset({ schemaVersion: 2, ...base, meetings: [{ ...meeting, people: [{ ...person, state: 'IRN', evidence: { ...span, end: 9 } }] }] });
    expect(bad.ok ? [] : bad.problems).toEqual([
      'meetings.0.people.0.state: state IRN is not in "states"',
      'meetings.0.people.0.evidence: span length does not match its quote',
    ]);
  });

  it('requires people on every meeting of a version 2 file, and rejects an unknown version', () => {
    const r = parseDataset({ schemaVersion: 2, ...base, meetings: [meeting] });
    expect(r.ok ? [] : r.problems).toEqual(['meetings.0.people: schemaVersion 2 lists people on every meeting (an empty list when none)']);
    expect(parseDataset({ schemaVersion: 3, ...base, meetings: [] }).ok).toBe(false);
  });
});
