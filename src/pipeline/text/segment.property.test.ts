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

/**
 * Every broken invariant of one segmentation, as readable lines (empty when all hold).
 * Plain checks collected into a list rather than one `expect` per span: a page of 20,000
 * lines has tens of thousands of spans.
 */
function problems(text: string, segments: ArticleSegment[]): string[] {
  const out: string[] = [];
  const slice = (x: TextSpan, what: string) => {
    if (!(x.start >= 0 && x.start <= x.end && x.end <= text.length)) out.push(`${what} ${x.start}..${x.end} is not inside the text (length ${text.length})`);
    else if (text.slice(x.start, x.end) !== x.text) out.push(`${what} ${x.start}..${x.end} is not its quote ${JSON.stringify(x.text)}`);
  };
  const inside = (outer: TextSpan, x: TextSpan, what: string) => {
    if (x.start < outer.start || x.end > outer.end) out.push(`${what} ${x.start}..${x.end} is outside its article ${outer.start}..${outer.end}`);
  };
  const ordered = (spans: TextSpan[], what: string) => {
    for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.end) out.push(`${what} ${i} starts before ${what} ${i - 1} ends`);
  };
  ordered(segments.map((s) => s.span), 'article');
  for (const s of segments) {
    slice(s.span, 'article');
    for (const x of s.sentences) {
      slice(x, 'sentence');
      inside(s.span, x, 'sentence');
      if (x.text.trim().length === 0) out.push(`blank sentence at ${x.start}`);
    }
    ordered(s.sentences, 'sentence');
    for (const c of s.clutter) {
      slice(c, `clutter (${c.reason})`);
      inside(s.span, c, 'clutter');
    }
    for (const [x, what] of [[s.headline, 'headline'], [s.dateline, 'dateline'], [s.published?.span ?? null, 'publication date']] as const) {
      if (x) {
        slice(x, what);
        inside(s.span, x, what);
      }
    }
    // Body sentences and clutter are disjoint: nothing skipped as clutter becomes a source of facts.
    // Both lists are in text order, so one sweep finds any overlap.
    const clutter = [...s.clutter].sort((a, b) => a.start - b.start);
    let c = 0;
    for (const x of s.sentences) {
      while (c < clutter.length && clutter[c]!.end <= x.start) c++;
      for (let k = c; k < clutter.length && clutter[k]!.start < x.end; k++) {
        if (clutter[k]!.end > x.start) out.push(`sentence ${JSON.stringify(x.text)} overlaps clutter ${JSON.stringify(clutter[k]!.text)}`);
      }
    }
  }
  return out;
}

function checkSegments(text: string, segments: ArticleSegment[]): void {
  expect(problems(text, segments).slice(0, 5)).toEqual([]);
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
    // ~1.3 MB without a line break, 40,000 sentences and ellipses: sentence splitting used to be
    // quadratic here (an end-anchored regex over the whole paragraph per full stop: minutes).
    const endless = 'Officials met in Kabul on Monday. They talked about "security ... And trade." Then Dr. Aziz left. '.repeat(14_000);
    const noBreak = 'Officials met in Kabul on Monday and talked about security '.repeat(20_000);
    // 60,000 short lines: finding the publication date used to search every sentence per line (quadratic).
    const many = Array.from({ length: 60_000 }, (_, i) => (i % 3 === 0 ? `Headline Number ${i} About Talks` : `Officials met in Kabul on day ${i}.`)).join('\n');
    for (const text of [endless, noBreak, many]) {
      const t0 = performance.now();
      checkSegments(text, segmentFile(text));
      // Generous for a loaded 2-core machine: the point is "no quadratic blow-up".
      expect(performance.now() - t0).toBeLessThan(20_000);
    }
  });
});
