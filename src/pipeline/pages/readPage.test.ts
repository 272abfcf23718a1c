import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtureServer';
import { httpUrl, publicationDay, readPage } from './readPage';

const page = (name: string) => readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
const PARAGRAPHS_UZB = [
  'Uzbekistan, Pakistan hold security talks',
  'TASHKENT: Uzbekistan and Pakistan held talks on border security and counter-terrorism cooperation in Tashkent on Tuesday, the foreign ministry said in a statement.',
  'The interior ministers of the two countries discussed the movement of militants across the region, the protection of trade routes and the exchange of information between their security services.',
  'Both sides agreed to meet again next year and to set up a joint working group that will report to the two ministers every six months, the statement added.',
  'Officials said the talks were the first of their kind since the two countries signed a transit agreement, and that further rounds would include experts on railway security and customs.',
];
const TEXT_UZB = `${PARAGRAPHS_UZB.join('\n\n')}\n`;

describe('readPage', () => {
  it('reads the headline and paragraphs, and title, outlet, day and canonical URL from meta tags', () => {
    expect(readPage(page('meta-tags'), 'http://127.0.0.1:8/world/x?utm=1')).toEqual({
      ok: true,
      article: {
        text: TEXT_UZB,
        title: 'Uzbekistan, Pakistan hold security talks',
        outlet: 'The Fixture Times',
        published: '2025-03-04',
        url: 'http://127.0.0.1:8/world/uzbekistan-pakistan-talks',
      },
    });
  });

  it('reads them from JSON-LD NewsArticle alone (headline, publisher, datePublished, url)', () => {
    const r = readPage(page('json-ld'));
    expect(r.ok && r.article).toMatchObject({
      title: 'Kazakhstan and Afghanistan hold consultations in Astana',
      outlet: 'Steppe Daily',
      published: '2024-11-12',
      url: 'https://steppe.example/news/kaz-afg-consultations',
    });
    expect(r.ok && r.article.text.split('\n\n')[1]).toBe(
      'ASTANA: Kazakhstan and Afghanistan held consultations on regional security in Astana on Monday, the Kazakh foreign ministry said.',
    );
  });

  it('with both, takes the article object out of a JSON-LD list and the canonical link over og:url', () => {
    expect(readPage(page('both'))).toEqual({
      ok: true,
      article: {
        text: TEXT_UZB,
        title: 'Uzbekistan, Pakistan hold security talks',
        outlet: 'The Fixture Times',
        published: '2025-03-04',
        url: 'https://fixture-times.example/world/uzbekistan-pakistan-talks',
      },
    });
  });

  it('with neither, keeps the text and the <title>, and states no outlet, day or URL', () => {
    expect(readPage(page('neither'))).toEqual({ ok: true, article: { text: TEXT_UZB, title: 'Uzbekistan, Pakistan hold security talks' } });
  });

  it('leaves out navigation, share buttons, related stories and the comment thread', () => {
    const r = readPage(page('comments'));
    if (!r.ok) throw new Error(r.reason);
    const paragraphs = r.article.text.trimEnd().split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toBe('Iran and Pakistan discuss border security');
    expect(paragraphs[1]).toMatch(/^ISLAMABAD: Iran and Pakistan held talks/);
    for (const clutter of ['Related stories', 'Moscow Format', 'Doha', 'Reader One', 'Comments', 'Facebook', 'Home']) expect(r.article.text).not.toContain(clutter);
    expect(r.article).toMatchObject({ outlet: 'Frontier Post Fixture', published: '2023-09-18' });
  });

  it('refuses a page of links with what was expected', () => {
    const r = readPage(page('non-article'));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^no article text found \(\d+ words in the main text; at least 80 expected\); expected a page holding one news article/) });
  });

  it('refuses a paywall stub and says why it looks like one', () => {
    const r = readPage(page('paywall'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^looks like a paywall stub \(\d+ words of text, "Subscribe to continue reading", marked isAccessibleForFree: false\); expected the full text/);
  });

  it('reads a fragment saved without <html> or <body>, and refuses empty input', () => {
    const fragment = `<h1>Talks</h1><p>${'Iran and Pakistan held talks in Islamabad on Monday, officials said. '.repeat(10)}</p>`;
    const r = readPage(fragment);
    expect(r.ok && r.article.text).toMatch(/^Talks\n\nIran and Pakistan held talks in Islamabad on Monday/);
    expect(readPage('')).toMatchObject({ ok: false, reason: expect.stringContaining('no article text found') });
  });

  it('never keeps a javascript: canonical URL', () => {
    const html = page('neither').replace('<head>', '<head><link rel="canonical" href="javascript:alert(1)">');
    const r = readPage(html);
    expect(r.ok && r.article.url).toBeUndefined();
  });
});

describe('publicationDay', () => {
  it('is the day in the date-time’s own offset, and nothing for what is not a real ISO day', () => {
    expect(publicationDay('2025-07-20T01:00:00+05:00')).toBe('2025-07-20');
    expect(publicationDay('2025-07-20')).toBe('2025-07-20');
    expect(publicationDay(' 2024-01-16 09:00:00 ')).toBe('2024-01-16');
    expect(publicationDay('2025-02-30T10:00:00Z')).toBeUndefined();
    expect(publicationDay('July 20, 2025')).toBeUndefined();
    expect(publicationDay(null)).toBeUndefined();
  });
});

describe('httpUrl', () => {
  it('makes http(s) URLs absolute without their fragment and refuses other schemes', () => {
    expect(httpUrl('/a/b#top', 'https://x.example/c')).toBe('https://x.example/a/b');
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('data:text/html,hi')).toBeUndefined();
    expect(httpUrl('not a url')).toBeUndefined();
  });
});
