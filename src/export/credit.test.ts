import { describe, expect, it } from 'vitest';
import { creditLine } from './credit';
import { fixtureDataset, fixtureMeetings } from './fixture';

describe('creditLine', () => {
  it('names the atlas, the number of articles, the outlets when few, and the basemap', () => {
    expect(creditLine({ sources: [...fixtureDataset.sources, { file: 'c.txt', published: null }] })).toBe(
      'Source: Security Meetings Atlas, meetings extracted from 3 news articles (Dawn). Basemap: Natural Earth.',
    );
    expect(creditLine({ sources: [{ file: 'a', published: null }] })).toBe(
      'Source: Security Meetings Atlas, meetings extracted from 1 news article. Basemap: Natural Earth.',
    );
  });

  it('cites the articles of the meetings shown by outlet and date when they are few', () => {
    expect(creditLine(fixtureDataset, fixtureMeetings('m2'))).toBe(
      'Source: Security Meetings Atlas, meetings extracted from 1 news article (Dawn, 21 July 2025). Basemap: Natural Earth.',
    );
    expect(creditLine(fixtureDataset, fixtureMeetings('m1'))).toBe(
      'Source: Security Meetings Atlas, meetings extracted from 2 news articles (Dawn, 21 July 2025; b.txt). Basemap: Natural Earth.',
    );
  });
});
