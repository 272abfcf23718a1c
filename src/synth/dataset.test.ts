import { describe, expect, it } from 'vitest';
import { parseDataset } from '../dataset/schema';
import { generateDataset, sourceText } from './dataset';
import { loadWorld } from './world';

const world = loadWorld();

describe('generateDataset', () => {
  const dataset = generateDataset(world, { meetings: 2000, seed: 7 });

  it('is valid against the dataset schema', () => {
    const parsed = parseDataset(JSON.parse(JSON.stringify(dataset)));
    expect(parsed.ok ? [] : parsed.problems.slice(0, 5)).toEqual([]);
  });

  it('has exactly the meetings asked for, with unique ids', () => {
    expect(dataset.meetings).toHaveLength(2000);
    expect(new Set(dataset.meetings.map((m) => m.id)).size).toBe(2000);
    expect(generateDataset(world, { meetings: 0, seed: 1 }).meetings).toEqual([]);
    expect(() => generateDataset(world, { meetings: -1, seed: 1 })).toThrow(/meetings/);
  });

  it('is byte-identical for the same seed and differs for another', () => {
    const again = JSON.stringify(generateDataset(world, { meetings: 2000, seed: 7 }));
    expect(again).toBe(JSON.stringify(dataset));
    expect(JSON.stringify(generateDataset(world, { meetings: 2000, seed: 8 }))).not.toBe(again);
  });

  it('has 2 to 15 participants, calls without venue, and kinds that match the count', () => {
    const sizes = new Set<number>();
    for (const m of dataset.meetings) {
      sizes.add(m.participants.length);
      expect(new Set(m.participants).size).toBe(m.participants.length);
      for (const a of m.absent) expect(m.participants).not.toContain(a);
      if (m.kind === 'call') expect(m.venuePlaceId).toBeNull();
      else {
        expect(m.venuePlaceId).not.toBeNull();
        const expected = m.participants.length === 2 ? 'bilateral' : m.participants.length === 3 ? 'trilateral' : 'multilateral';
        expect(m.kind).toBe(expected);
      }
    }
    expect(Math.min(...sizes)).toBe(2);
    expect(Math.max(...sizes)).toBe(15);
  });

  it('mixes date precisions over about 30 years, with some undated', () => {
    const byPrecision = new Map<string, number>();
    for (const m of dataset.meetings) byPrecision.set(m.date.precision, (byPrecision.get(m.date.precision) ?? 0) + 1);
    for (const p of ['day', 'week', 'month', 'year', 'unknown']) expect(byPrecision.get(p) ?? 0).toBeGreaterThan(20);
    const starts = dataset.meetings.map((m) => m.date.start).filter((d): d is string => d !== null).sort();
    expect(Number(starts[starts.length - 1]?.slice(0, 4)) - Number(starts[0]?.slice(0, 4))).toBeGreaterThanOrEqual(28);
    for (const m of dataset.meetings.filter((x) => x.date.precision === 'week')) {
      expect(new Date(`${m.date.start}T00:00:00Z`).getUTCDay()).toBe(1); // weeks start on Monday
    }
  });

  it('uses a few hundred real venues, all from the gazetteer', () => {
    const venues = new Set(dataset.meetings.map((m) => m.venuePlaceId).filter((v) => v !== null));
    expect(venues.size).toBeGreaterThan(100);
    for (const p of dataset.places) expect(world.placeById.get(p.id)?.gazetteerId).toBe(p.gazetteerId);
  });

  it('keeps every evidence span exact against the rebuilt source text', () => {
    const files = new Set(dataset.sources.map((s) => s.file));
    let checked = 0;
    for (const file of [...files].slice(0, 200)) {
      const text = sourceText(dataset, file);
      for (const m of dataset.meetings) {
        for (const s of m.sources) {
          if (s.file !== file) continue;
          expect(text.slice(s.start, s.end)).toBe(s.quote);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});
