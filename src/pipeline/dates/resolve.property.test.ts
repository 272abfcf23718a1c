/**
 * Property tests of the date resolver on hostile text: whatever a sentence holds (random
 * Unicode, impossible dates such as "February 30", right-to-left scripts, huge numbers),
 * `findDateMentions` never throws, every mention is an exact slice of the file inside its
 * sentence, mentions come in text order without overlapping, and every window is a pair of
 * real calendar days with start <= end.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IsoDay } from '../../dataset/schema';
import type { DateMention, TextSpan } from '../contracts';
import { findDateMentions, type Tense } from './resolve';

/** Words that steer the resolver into its rules and into chrono, mixed with noise below. */
const DATE_WORDS = [
  'on', 'Thursday', 'last', 'next', 'September', 'February', 'May', 'may', 'march', 'March', '29', '30', '31', '0', '00', '32', '99',
  '10,', '2024', '1900', '2099', '1899', '9999', '12345', 'in', 'since', 'year', 'earlier', 'later', 'this', 'week', 'month',
  'a', 'day', 'after', 'before', 'ago', 'two', 'twelve', '999', 'days', 'weeks', 'months', 'years', 'today', 'tonight',
  'yesterday', 'tomorrow', '(Tuesday)', 'end', 'of', 'the', '25th', '1st', '31.02.2019', '30/02/2024', '2024-02-30', '07/25/23',
  '13/13/13', '11:20', 'am', 'noon', 'midnight', 'will', 'met', 'held', 'meet', 'was', 'is', 'set', 'to', '—', '…', ',', '.',
  'الأحد', 'کابل', 'جمعه', 'اتوار', '۲۰۲۴', '٢٠٢٤', 'فروری', 'Kabul', 'Islamabad', '\u200F', '\u202E', '\u0000', '\uFEFF', '😀',
];

/** Publication dates: ordinary ones, month and year ends, a leap day, and invalid strings the resolver must ignore. */
const PUBLISHED = fc.oneof(
  fc.constantFrom<string | null>(null, '2024-02-29', '2023-12-31', '2025-01-01', '1999-12-31', '2000-02-29', '2024-02-30', 'yesterday', '', '2024-13-01'),
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

const TENSE = fc.constantFrom<Tense | undefined>(undefined, 'past', 'present', 'future');

/** A sentence of date words and noise (random Unicode runs, whitespace and line breaks). */
const SENTENCE = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...DATE_WORDS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }), {
    maxLength: 24,
  })
  .chain((words) => fc.array(fc.constantFrom(' ', ' ', ' ', '', '\n', '\t', '  ', ', '), { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((w, i) => w + gaps[i]).join('')));

/** Runs the resolver on `sentence` placed after `prefix` in a file, and checks every invariant. */
function checkMentions(prefix: string, sentence: string, published: string | null, tense: Tense | undefined, anchor: string | null | undefined): DateMention[] {
  const file = `${prefix}${sentence} Officials said.`;
  const span: TextSpan = { start: prefix.length, end: prefix.length + sentence.length, text: sentence };
  const mentions = findDateMentions(span, published, { tense, anchor });
  let previousEnd = span.start;
  for (const m of mentions) {
    // Evidence spans lie inside the sentence and equal their quote.
    expect(m.start).toBeGreaterThanOrEqual(span.start);
    expect(m.end).toBeLessThanOrEqual(span.end);
    expect(m.start).toBeLessThan(m.end);
    expect(file.slice(m.start, m.end)).toBe(m.text);
    // Mentions come in order and never overlap.
    expect(m.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = m.end;
    // Windows are real days (no February 30, no five-digit years) and ordered.
    expect(IsoDay.safeParse(m.window.start).success, `window start ${m.window.start} for "${m.text}"`).toBe(true);
    expect(IsoDay.safeParse(m.window.end).success, `window end ${m.window.end} for "${m.text}"`).toBe(true);
    expect(m.window.start <= m.window.end).toBe(true);
    expect(['day', 'week', 'month', 'year']).toContain(m.window.precision);
    expect(['past', 'present', 'future', 'unknown']).toContain(m.relation);
  }
  return mentions;
}

describe('findDateMentions on any text', () => {
  it('date words mixed with noise: never throws, spans are exact slices in order, windows are real and ordered', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), SENTENCE, PUBLISHED, TENSE, fc.option(PUBLISHED, { nil: undefined }), (prefix, sentence, pub, tense, anchor) => {
        found += checkMentions(prefix, sentence, pub, tense, anchor).length;
      }),
      { numRuns: 400 },
    );
    // The generator must reach the resolver's rules, or the properties above prove nothing.
    expect(found).toBeGreaterThan(50);
  });

  it('arbitrary Unicode (lone surrogates, control characters, right-to-left marks): never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), PUBLISHED, TENSE, (sentence, pub, tense) => {
        checkMentions('', sentence, pub, tense, undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('impossible calendar days ("February 30", "April 31") give no mention or a real day, never an invalid one', () => {
    const impossible = fc.record({
      monthDay: fc.constantFrom('February 30', 'February 31', 'April 31', 'June 31', 'September 31', 'November 31', 'February 29', '30 February', '31st of April'),
      year: fc.constantFrom('', ', 2023', ', 2024', ' 2025', ', 1900'),
      lead: fc.constantFrom('The talks were held on ', 'They will meet on ', 'On ', 'Officials said that '),
    });
    fc.assert(
      fc.property(impossible, PUBLISHED, TENSE, ({ monthDay, year, lead }, pub, tense) => {
        checkMentions('KABUL: ', `${lead}${monthDay}${year}.`, pub, tense, undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('a relative date without a publication date stays unknown rather than guessed', () => {
    fc.assert(
      fc.property(fc.constantFrom('on Thursday', 'yesterday', 'last September', 'earlier this week', 'two days ago', 'tomorrow'), TENSE, (words, tense) => {
        const mentions = checkMentions('', `The ministers met ${words} in Kabul.`, null, tense, undefined);
        for (const m of mentions) expect(m.relation).toBe('unknown');
        expect(mentions.map((m) => m.text)).not.toContain(words);
      }),
      { numRuns: 60 },
    );
  });

  it('a very long sentence is handled in bounded time', () => {
    const long = 'Officials met in Kabul on Thursday and again last September; '.repeat(2000);
    const t0 = performance.now();
    checkMentions('', long, '2024-05-14', undefined, undefined);
    // Generous bound for a loaded 2-core machine: the point is "no catastrophic backtracking".
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
