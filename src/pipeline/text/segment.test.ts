import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentFile } from './segment';
import type { ArticleSegment } from '../contracts';

const seedsDir = new URL('../../../seeds/', import.meta.url);
const seed = (prefix: string) => {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix))!;
  return readFileSync(new URL(name, seedsDir), 'utf8');
};

/** Every span of every segment is the file text between its offsets. */
function expectSlices(text: string, segments: ArticleSegment[]): void {
  for (const s of segments) {
    const spans = [s.span, ...s.sentences, ...s.clutter, ...(s.headline ? [s.headline] : []), ...(s.dateline ? [s.dateline] : []), ...(s.published ? [s.published.span] : [])];
    for (const x of spans) expect(text.slice(x.start, x.end)).toBe(x.text);
  }
}

const reasons = (s: ArticleSegment) => s.clutter.map((c) => c.reason);
const bodyText = (s: ArticleSegment) => s.sentences.map((x) => x.text).join('\n');

describe('segmentation of the seed articles', () => {
  it('000: two Arab News articles, the first headline printed after its body, no dates', () => {
    const text = seed('000_');
    const [first, second, ...rest] = segmentFile(text);
    expect(rest).toEqual([]);
    expect(first!.headline?.text).toBe('US, Pakistani, Afghan counterterrorism officials draw joint strategy on addressing threats');
    expect(first!.dateline?.text).toBe('KABUL');
    expect(first!.published).toBeNull();
    expect(first!.sentences[0]!.text).toMatch(/^Counterterrorism officials from the United States/);
    expect(reasons(first!)).toEqual(['repeated-headline', 'summary']);
    // The summary bullets repeat body sentences and are kept out of the body.
    expect(bodyText(first!)).not.toContain('- Officials met');
    expect(first!.sentences.filter((s) => s.text.includes('earlier this week for the two-day'))).toHaveLength(1);

    expect(second!.span.start).toBe(text.indexOf('Pakistan PM calls for faster CPEC'));
    expect(second!.headline?.text).toBe('Pakistan PM calls for faster CPEC implementation, pledges security for Chinese workers');
    expect(second!.dateline?.text).toBe('ISLAMABAD');
    expect(second!.published).toBeNull();
    expect(second!.sentences[0]!.text).toMatch(/^Prime Minister Shehbaz Sharif on Friday called/);
    expect(reasons(second!)).toEqual(['summary']);
    expect(second!.span.end).toBe(text.length);
    expectSlices(text, [first!, second!]);
  });

  it('001: byline date, dateline, and a comment thread left out', () => {
    const text = seed('001_');
    const [a, ...rest] = segmentFile(text);
    expect(rest).toEqual([]);
    expect(a!.headline?.text).toBe('Pakistan, Afghanistan to establish working group on security');
    expect(a!.dateline?.text).toBe('ISLAMABAD');
    expect(a!.published?.date).toBe('2014-06-26');
    expect(a!.published?.span.text).toBe('June 26, 2014');
    expect(reasons(a!)).toEqual(['summary', 'byline', 'comments']);
    const comments = a!.clutter.find((c) => c.reason === 'comments')!;
    expect(comments.text).toMatch(/^COMMENTS \(9\)/);
    expect(comments.end).toBe(text.trimEnd().length);
    const body = bodyText(a!);
    for (const comment of ['10 years ago', 'US CENTCOM', 'Said & Done', 'Comments are moderated', 'VIEW MORE']) expect(body).not.toContain(comment);
    expect(body).toContain('The two sides also agreed to hold a meeting of their relevant officials in Islamabad on July 3');
    // "Dr Spanta" stays in one sentence.
    expect(a!.sentences.some((s) => s.text.startsWith('Dr Spanta was accompanied'))).toBe(true);
    expectSlices(text, [a!]);
  });

  it('002: date line, share buttons at both ends', () => {
    const text = seed('002_');
    const [a, ...rest] = segmentFile(text);
    expect(rest).toEqual([]);
    expect(a!.headline?.text).toBe('Pakistan, Afghanistan Pledge to Strengthen Anti-Terrorism Cooperation');
    expect(a!.dateline?.text).toBe('KABUL');
    expect(a!.published).toMatchObject({ date: '2025-07-20', span: { text: 'Sun Jul 20 2025' } });
    expect(reasons(a!)).toEqual(['summary', 'byline', 'share-buttons', 'share-buttons']);
    expect(bodyText(a!)).not.toContain('icon-facebook');
    expect(a!.sentences.at(-1)!.text).toMatch(/^Earlier this month, the two countries/);
    expectSlices(text, [a!]);
  });

  it('003: "Publish date" header, story code, comment form; no dateline', () => {
    const text = seed('003_');
    const [a, ...rest] = segmentFile(text);
    expect(rest).toEqual([]);
    expect(a!.headline?.text).toBe('America and Pakistan agree on increasing anti-terrorist cooperation');
    expect(a!.dateline).toBeNull();
    expect(a!.published?.date).toBe('2024-05-14');
    expect(reasons(a!)).toEqual(['byline', 'boilerplate', 'comments']);
    expect(a!.clutter.find((c) => c.reason === 'boilerplate')!.text).toBe('Story Code : 290374');
    expect(bodyText(a!)).not.toMatch(/Your Name|Post a comment/);
    expectSlices(text, [a!]);
  });

  it('004: footer date, then a list of other stories whose dates are not the article\'s', () => {
    const text = seed('004_');
    const [a, ...rest] = segmentFile(text);
    expect(rest).toEqual([]);
    expect(a!.headline).toBeNull();
    expect(a!.dateline?.text).toBe('ISLAMABAD');
    expect(a!.published).toMatchObject({ date: '2024-01-16', span: { text: 'January 16th, 2024' } });
    expect(reasons(a!)).toEqual(['byline', 'link-list']);
    const links = a!.clutter.find((c) => c.reason === 'link-list')!;
    expect(links.text).toMatch(/^Opinion/);
    expect(links.text).toContain('Updated 16 May, 2024');
    expect(bodyText(a!)).not.toMatch(/Merging for what|Dubai properties|16 May, 2024/);
    expect(a!.sentences.at(-1)!.text).toMatch(/^Earlier, Ambassador Qomi held extensive talks/);
    expect(a!.sentences.some((s) => s.text.includes('last September'))).toBe(true);
    expectSlices(text, [a!]);
  });
});

describe('segmentation of constructed pages', () => {
  it('a headline leading to a new dateline paragraph starts a second article', () => {
    const text = [
      'KABUL: Officials met on Monday to discuss border security.',
      'They agreed to meet again.',
      'Iran and Pakistan sign border security accord',
      'Tue May 14 2024',
      'TEHRAN: Iran and Pakistan signed an accord on Tuesday.',
      'COMMENTS (2)',
      'Great news! | 2 days ago | Reply',
    ].join('\n');
    const [a, b, ...rest] = segmentFile(text);
    expect(rest).toEqual([]);
    expect(a!.published).toBeNull();
    expect(a!.sentences.map((s) => s.text)).toEqual(['Officials met on Monday to discuss border security.', 'They agreed to meet again.']);
    expect(b!.headline?.text).toBe('Iran and Pakistan sign border security accord');
    expect(b!.dateline?.text).toBe('TEHRAN');
    expect(b!.published?.date).toBe('2024-05-14');
    expect(b!.sentences.map((s) => s.text)).toEqual(['Iran and Pakistan signed an accord on Tuesday.']);
    expect(b!.clutter.at(-1)).toMatchObject({ reason: 'comments' });
  });

  it('an unmarked run of short title lines after the body is a link list', () => {
    const text = 'Officials met in Kabul on Monday.\n\nPakistan floods kill dozens\nUpdated 16 May, 2024\nOil prices rise again today\nMarkets close lower on Friday\n';
    const [a] = segmentFile(text);
    expect(a!.sentences.map((s) => s.text)).toEqual(['Officials met in Kabul on Monday.']);
    expect(a!.clutter.map((c) => c.reason)).toEqual(['link-list']);
    expect(a!.published).toBeNull();
  });

  it('empty and blank files give no article', () => {
    expect(segmentFile('')).toEqual([]);
    expect(segmentFile('\n \r\n\t\n')).toEqual([]);
  });

  it('Windows line ends keep offsets exact', () => {
    const text = 'Headline of a story about talks\r\nJune 26, 2014\r\nISLAMABAD: Talks were held on Thursday. Both sides agreed.\r\n';
    const segments = segmentFile(text);
    expect(segments[0]!.published?.date).toBe('2014-06-26');
    expect(segments[0]!.sentences.map((s) => s.text)).toEqual(['Talks were held on Thursday.', 'Both sides agreed.']);
    expectSlices(text, segments);
  });

  it('any mix of page lines keeps every span a slice of the file', () => {
    const pool = [
      'KABUL: Officials met on Monday.', 'US and Pakistan agree on talks', '- Officials met in Kabul', 'COMMENTS (3)', 'Opinion',
      'Sun Jul 20 2025', 'icon-facebook icon-twitter', 'Story Code : 1', 'Dr. Spanta met Mr. Aziz. He left...', '', '   ', 'Reply',
      '“Quoted ... words.” He said.', 'Published in Dawn, January 16th, 2024', 'ISLAMABAD/ MOSCOW: The call was held today (Tuesday).',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\n\n'), (lines, nl) => {
        const text = lines.join(nl);
        const segments = segmentFile(text);
        expectSlices(text, segments);
        for (const s of segments) for (const x of s.sentences) expect(x.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('datelines of other shapes (made-up text)', () => {
  const body = 'Officials of the two countries held talks on border security and trade on the same day.';
  it.each([
    ['TASHKENT [Uzbekistan], March 5: ', 'TASHKENT'],
    ['BEIJING, Mar 5 (Xinhua): ', 'BEIJING'],
    ['ANKARA, 5 March 2024 (AA) – ', 'ANKARA'],
    ['DUSHANBE (Khovar) – ', 'DUSHANBE'],
    ['Washington, DC - ', 'Washington'],
    ['Kabul (AP) – ', 'Kabul'],
  ])('"%s" opens a dateline', (preamble, city) => {
    const [a] = segmentFile(`Headline of the story about talks\n\n${preamble}${body}\n`);
    expect(a!.dateline?.text).toBe(city);
    // The preamble is not part of the first sentence.
    expect(a!.sentences[0]!.text).toBe(body);
  });

  it('a title-case name of three words with an agency in brackets is not a dateline', () => {
    const [a] = segmentFile(`Afghan Voice Agency (AVA) - International Service: ${body}\n`);
    expect(a!.dateline).toBeNull();
  });

  it('a header line "date, Place" gives the place and the day of the event the page records', () => {
    const text = 'Site name\n\nMenu:\n\nMeeting with the President of a neighbouring state\n\nOctober 6, 2015, Sochi\n\nThe two presidents discussed bilateral cooperation and security.\n';
    const [a] = segmentFile(text);
    expect(a!.headline?.text).toBe('Meeting with the President of a neighbouring state');
    expect(a!.dateline?.text).toBe('Sochi');
    expect(a!.datelineDay?.date).toBe('2015-10-06');
    expect(text.slice(a!.dateline!.start, a!.dateline!.end)).toBe('Sochi');
  });

  it('the headline is the first title after the page furniture, not the site name before it', () => {
    const text = 'View settings\n\nFont size:\n\nOfficial website of a government office\n\nSection /\n\nTalks with the visiting foreign minister\n\nThe minister held talks with his counterpart on regional security.\n';
    const [a] = segmentFile(text);
    expect(a!.headline?.text).toBe('Talks with the visiting foreign minister');
    expect(a!.sentences.map((s) => s.text)).toEqual(['The minister held talks with his counterpart on regional security.']);
  });
});
