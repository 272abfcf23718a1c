import { describe, expect, it } from 'vitest';
import { generateCorpus } from './corpus';
import { loadWorld } from './world';

const world = loadWorld();

describe('generateCorpus', () => {
  const corpus = generateCorpus(world, { articles: 300, seed: 5 });

  it('writes one article, one sources entry and one answer per requested article, in order', () => {
    expect(corpus.articles).toHaveLength(300);
    expect(Object.keys(corpus.sources)).toEqual(corpus.articles.map((a) => a.file));
    expect(corpus.answers.map((a) => a.article)).toEqual(corpus.articles.map((a) => a.file));
    for (const s of Object.values(corpus.sources)) expect(s.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(generateCorpus(world, { articles: 300, seed: 5 }))).toBe(JSON.stringify(corpus));
    expect(JSON.stringify(generateCorpus(world, { articles: 300, seed: 6 }))).not.toBe(JSON.stringify(corpus));
  });

  it('quotes every expected meeting verbatim from its article, in the body, not in clutter', () => {
    const textOf = new Map(corpus.articles.map((a) => [a.file, a.text]));
    for (const answer of corpus.answers) {
      const text = textOf.get(answer.article) as string;
      const clutterStart = text.search(/\n(Comments \(\d+\)|Related news|©)/);
      for (const m of answer.meetings) {
        const at = text.indexOf(m.evidence);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(clutterStart);
      }
    }
  });

  it('covers the kinds, statuses and date forms of the development set', () => {
    const meetings = corpus.answers.flatMap((a) => a.meetings);
    const kinds = new Set(meetings.map((m) => m.kind));
    const statuses = new Set(meetings.map((m) => m.status));
    expect([...kinds].sort()).toEqual(['bilateral', 'call', 'multilateral', 'trilateral']);
    expect([...statuses].sort()).toEqual(['cancelled', 'held', 'planned']);
    expect(meetings.some((m) => m.date === null)).toBe(true);
    expect(meetings.some((m) => /^\d{4}-\d{2}$/.test(m.date ?? ''))).toBe(true);
    expect(meetings.some((m) => m.absent_iso3.length > 0)).toBe(true);
    expect(meetings.filter((m) => m.kind === 'call').every((m) => m.venue_city === null)).toBe(true);
    expect(corpus.answers.some((a) => a.meetings.length === 0)).toBe(true);
  });

  it('resolves a weekday to the previous one before publication', () => {
    const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    let checked = 0;
    for (const answer of corpus.answers) {
      const published = corpus.sources[answer.article]?.published as string;
      for (const m of answer.meetings) {
        const named = weekdays.find((d) => m.evidence.endsWith(` on ${d}`) || m.evidence.includes(` on ${d} `));
        if (!named || !m.date) continue;
        const day = new Date(`${m.date}T00:00:00Z`);
        expect(weekdays[day.getUTCDay()]).toBe(named);
        const gap = (Date.parse(`${published}T00:00:00Z`) - day.getTime()) / 86_400_000;
        expect(gap).toBeGreaterThanOrEqual(1);
        expect(gap).toBeLessThanOrEqual(6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
