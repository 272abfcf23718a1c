import { describe, expect, it } from 'vitest';
import { longDay, sourceCitation, sourceHref, sourceLabel, sourcesOf } from './citation';
import { fixtureDataset, fixtureMeetings } from './fixture';

describe('sourceLabel', () => {
  it('puts the outlet and the day first, the title where there is no outlet, the file name last', () => {
    expect(sourceLabel({ file: 'a.txt', outlet: 'Arab News', published: '2025-07-20', title: 'T' })).toBe('Arab News, 20 July 2025');
    expect(sourceLabel({ file: 'a.txt', outlet: 'Arab News', published: null })).toBe('Arab News');
    expect(sourceLabel({ file: 'b.txt', title: 'Pakistan, Afghanistan to establish working group', published: '2014-06-26' })).toBe(
      '“Pakistan, Afghanistan to establish working group”, 26 June 2014',
    );
    expect(sourceLabel({ file: 'c.txt', published: '2024-01-16' })).toBe('16 January 2024');
    expect(sourceLabel({ file: 'c.txt', published: null })).toBe('c.txt');
  });
});

describe('sourceCitation', () => {
  it('adds the title, the URL and the day it was retrieved', () => {
    expect(
      sourceCitation({ file: 'a.txt', outlet: 'Dawn', published: '2024-01-16', title: 'Talks', url: 'https://dawn.example/1', retrieved: '2026-12-03T08:15:00Z' }),
    ).toBe('Dawn, 16 January 2024, “Talks”, https://dawn.example/1 (retrieved 3 December 2026)');
    expect(sourceCitation({ file: 'b.txt', published: null })).toBe('b.txt');
  });
});

describe('sourceHref', () => {
  it('links only http(s) URLs', () => {
    expect(sourceHref({ url: 'https://dawn.example/1' })).toBe('https://dawn.example/1');
    expect(sourceHref({ url: 'javascript:alert(1)' })).toBeUndefined();
    expect(sourceHref({ url: 'not a url' })).toBeUndefined();
    expect(sourceHref(undefined)).toBeUndefined();
  });
});

describe('sourcesOf', () => {
  it('lists each cited source once, in first-cited order', () => {
    expect(sourcesOf(fixtureMeetings('m3', 'm1'), fixtureDataset.sources).map((s) => s.file)).toEqual(['b.txt', 'a.txt']);
  });
});

describe('longDay', () => {
  it('reads the day of a date or date-time', () => {
    expect(longDay('2026-12-03T08:15:00Z')).toBe('3 December 2026');
  });
});
