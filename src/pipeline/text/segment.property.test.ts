/**
 * Property tests of the segmenter on hostile pages: whatever a file holds (random Unicode,
 * markup, right-to-left scripts, odd line breaks, page clutter in any order), `segmentFile`
 * never throws; every span it returns is exactly the file text between its offsets; articles
 * come in order without overlapping; sentences and clutter lie inside their article, in order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ArticleSegment, TextSpan } from '../contracts';
import { segmentFile } from './segment';

/** Page lines seen in real articles, and hostile ones. */
const LINES = [
  'KABUL: Officials from Pakistan and Afghanistan met in Kabul on Monday.', 'ISLAMABAD (Reuters) — The talks were held today (Tuesday).',
  'PESHAWAR, Pakistan (AP) — A meeting took place.', 'MOSCOW, February 3. /TASS/. Russia hosted the talks.',
  'US and Pakistan agree on counterterrorism talks', 'Pakistan PM calls for faster CPEC implementation', '- Officials met in Kabul', '• Second point',
  'COMMENTS (3)', 'Reply', 'Opinion', 'Sun Jul 20 2025', 'Published in Dawn, January 16th, 2024', 'icon-facebook icon-twitter', 'Story Code : 1',
  'Dr. Spanta met Mr. Aziz. He left...', '“Quoted ... words.” He said.', 'Read more', 'RELATED', 'BREAKING', 'UPDATE:',
  '<script>alert("x")</script>', '<img src=x onerror=alert(1)>', '<p>Talks were <b>held</b> in Doha.</p>', '&lt;b&gt; &amp; &#x3C;',
  'وزیر خارجه پاکستان در کابل با همتای افغان خود دیدار کرد.', 'اسلام آباد: پاکستان اور افغانستان کے حکام نے ملاقات کی۔',
  'KABUL: د افغانستان او پاکستان استازو په کابل کې وکتل. Officials met on February 30.', '\u202Eevil\u202C reversed text', '\u200F\u200E\u200B',
  '😀 emoji line 🇦🇫🇵🇰', 'ALL CAPS LINE WITHOUT COLON', 'A:', ':', '-', '—', '.', '...', '', '   ', '\t\t',
];

const NEWLINES = ['\n', '\r\n', '\r', '\n\n', '\u2028', '\u0085', '\f'];

/** A page: lines from the pool and random Unicode, joined by assorted line breaks. */
const PAGE = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) }), { maxLength: 30 })
  .chain((lines) =>
    fc.array(fc.constantFrom(...NEWLINES), { minLength: lines.length, maxLength: lines.length }).map((breaks) => lines.map((l, i) => l + breaks[i]).join('')),
  );

function expectSlice(text: string, x: TextSpan, what: string): void {
  expect(x.start, `${what} start`).toBeGreaterThanOrEqual(0);
  expect(x.start, `${what} start <= end`).toBeLessThanOrEqual(x.end);
  expect(x.end, `${what} end`).toBeLessThanOrEqual(text.length);
  expect(text.slice(x.start, x.end), `${what} text`).toBe(x.text);
}

function inside(outer: TextSpan, x: TextSpan, what: string): void {
  expect(x.start, `${what} starts inside its article`).toBeGreaterThanOrEqual(outer.start);
  expect(x.end, `${what} ends inside its article`).toBeLessThanOrEqual(outer.end);
}

function expectOrdered(spans: TextSpan[], what: string): void {
  for (let i = 1; i < spans.length; i++) expect(spans[i]!.start, `${what} ${i} after ${what} ${i - 1}`).toBeGreaterThanOrEqual(spans[i - 1]!.end);
}

/** All the invariants of one segmentation. */
function checkSegments(text: string, segments: ArticleSegment[]): void {
  expectOrdered(segments.map((s) => s.span), 'article');
  for (const s of segments) {
    expectSlice(text, s.span, 'article');
    for (const x of s.sentences) {
      expectSlice(text, x, 'sentence');
      inside(s.span, x, 'sentence');
      expect(x.text.trim().length, 'a sentence is never blank').toBeGreaterThan(0);
    }
    expectOrdered(s.sentences, 'sentence');
    for (const c of s.clutter) {
      expectSlice(text, c, `clutter (${c.reason})`);
      inside(s.span, c, 'clutter');
    }
    for (const [x, what] of [[s.headline, 'headline'], [s.dateline, 'dateline'], [s.published?.span ?? null, 'publication date']] as const) {
      if (x) {
        expectSlice(text, x, what);
        inside(s.span, x, what);
      }
    }
    // Body sentences and clutter are disjoint: nothing skipped as clutter becomes a source of facts.
    for (const x of s.sentences) for (const c of s.clutter) expect(x.end <= c.start || c.end <= x.start, `sentence "${x.text}" overlaps clutter "${c.text}"`).toBe(true);
  }
}

describe('segmentFile on any page', () => {
  it('pages of real, hostile and random lines: never throws, every span an exact slice, all in order', () => {
    fc.assert(
      fc.property(PAGE, (text) => {
        checkSegments(text, segmentFile(text));
      }),
      { numRuns: 400 },
    );
  });

  it('arbitrary Unicode strings (lone surrogates, control characters): never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkSegments(text, segmentFile(text));
      }),
      { numRuns: 300 },
    );
  });

  it('markup is kept as text: a script tag never disappears from the sentences, it is not parsed', () => {
    const text = 'KABUL: Officials met in Kabul on Monday. <script>alert(1)</script> The talks <img src=x onerror=alert(2)> ended.\n';
    const segments = segmentFile(text);
    checkSegments(text, segments);
    const all = segments.flatMap((s) => [...s.sentences, ...s.clutter]).map((x) => x.text).join(' ');
    expect(all).toContain('<script>alert(1)</script>');
  });

  it('one endless line and thousands of short lines are segmented in bounded time', () => {
    const endless = 'Officials met in Kabul on Monday and talked about security '.repeat(20_000); // ~1.2 MB, no line break
    const many = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `Headline Number ${i} About Talks` : `Officials met in Kabul on day ${i}.`)).join('\n');
    for (const text of [endless, many]) {
      const t0 = performance.now();
      checkSegments(text, segmentFile(text));
      // Generous for a loaded 2-core machine: the point is "no quadratic blow-up".
      expect(performance.now() - t0).toBeLessThan(20_000);
    }
  });
});
