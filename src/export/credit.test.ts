import { describe, expect, it } from 'vitest';
import { creditLine } from './credit';
import { fixtureDataset } from './fixture';

describe('creditLine', () => {
  it('names the atlas, the number of articles, the outlets when few, and the basemap', () => {
    expect(creditLine(fixtureDataset)).toBe('Source: Security Meetings Atlas, meetings extracted from 2 news articles (Dawn). Basemap: Natural Earth.');
    expect(creditLine({ sources: [{ file: 'a', published: null }] })).toBe(
      'Source: Security Meetings Atlas, meetings extracted from 1 news article. Basemap: Natural Earth.',
    );
  });
});
