import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDateMentions, tenseAt, type DateOptions } from './resolve';
import type { DateMention } from '../contracts';

/** Mentions of `text` taken as a sentence at offset 1000 of its file. */
function mentions(text: string, published: string | null, opts?: DateOptions): DateMention[] {
  return findDateMentions({ start: 1000, end: 1000 + text.length, text }, published, opts);
}

/** The single mention of `words` in `text`, as "start..end precision". */
function resolved(text: string, published: string | null, opts?: DateOptions): string[] {
  return mentions(text, published, opts).map((m) => `${m.text} → ${m.window.start}..${m.window.end} ${m.window.precision}`);
}

describe('weekdays resolve to the last such day on or before publication', () => {
  it('seed 001, published Thursday 2014-06-26: "on Thursday" is the publication day', () => {
    expect(resolved('high-level talks in Islamabad on Thursday, officials said.', '2014-06-26')).toEqual([
      'on Thursday → 2014-06-26..2014-06-26 day',
    ]);
  });
  it('seed 002, published Sunday 2025-07-20: "on Sunday" is that day, "On Thursday" three days before', () => {
    expect(resolved('Haqqani in Kabul on Sunday, Radio Pakistan reported.', '2025-07-20')).toEqual(['on Sunday → 2025-07-20..2025-07-20 day']);
    expect(resolved('On Thursday, Pakistan, Uzbekistan and Afghanistan signed the Framework Agreement', '2025-07-20')).toEqual([
      'On Thursday → 2025-07-17..2025-07-17 day',
    ]);
  });
  it('seed 003, published Tuesday 2024-05-14: "on Friday" is 2024-05-10', () => {
    expect(resolved('during the talks on Friday.', '2024-05-14')).toEqual(['on Friday → 2024-05-10..2024-05-10 day']);
  });
  it('seed 004, published Tuesday 2024-01-16: "on Monday" is 2024-01-15', () => {
    const [m] = mentions('Pakistan on Monday emphasised the need for coordination', '2024-01-16');
    expect(m).toMatchObject({ text: 'on Monday', start: 1009, end: 1018, relation: 'past', window: { start: '2024-01-15', end: '2024-01-15' } });
  });
  it('a future sentence takes the next such day after publication', () => {
    expect(resolved('They will meet on Thursday.', '2014-06-26')).toEqual(['on Thursday → 2014-07-03..2014-07-03 day']);
    expect(resolved('Ajit Doval will on Tuesday hold bilateral talks', '2021-11-08')).toEqual(['on Tuesday → 2021-11-09..2021-11-09 day']);
    expect(resolved('talks on Friday', '2024-05-14', { tense: 'future' })).toEqual(['on Friday → 2024-05-17..2024-05-17 day']);
  });
  it('"last Thursday" is never the publication day; "next Thursday" is the one after it', () => {
    expect(resolved('They met last Thursday and will meet next Thursday.', '2014-06-26')).toEqual([
      'last Thursday → 2014-06-19..2014-06-19 day',
      'next Thursday → 2014-07-03..2014-07-03 day',
    ]);
  });
  it('a future cue right before the date beats the sentence tense (a cancelled meeting "set to take place Sunday")', () => {
    const text = 'Trump on Saturday said he canceled secret meetings with Taliban leaders set to take place Sunday at Camp David';
    expect(resolved(text, '2019-09-07', { tense: 'past' })).toEqual([
      'on Saturday → 2019-09-07..2019-09-07 day',
      'Sunday → 2019-09-08..2019-09-08 day',
    ]);
  });
});

describe('days relative to publication', () => {
  it('"today (Tuesday)" is the publication day, parenthesis included in the words', () => {
    expect(resolved('During a telephonic conversation with Putin today (Tuesday), he emphasized', '2021-09-14')).toEqual([
      'today (Tuesday) → 2021-09-14..2021-09-14 day',
    ]);
  });
  it('"yesterday" and "tomorrow"', () => {
    expect(resolved('The ministers met yesterday and will meet again tomorrow.', '2024-05-14')).toEqual([
      'yesterday → 2024-05-13..2024-05-13 day',
      'tomorrow → 2024-05-15..2024-05-15 day',
    ]);
  });
  it('"comes a day after <event>" dates the event a day before the story (devset 12)', () => {
    expect(resolved('The latest development comes a day after the Defence Minister made a visit to Kabul', '2023-02-23')).toEqual([
      'a day after → 2023-02-22..2023-02-22 day',
    ]);
  });
  it('"a day earlier" counts back from publication, "a day later" only from a given anchor', () => {
    expect(resolved('A day earlier, the envoy met the minister.', '2024-05-14')).toEqual(['A day earlier → 2024-05-13..2024-05-13 day']);
    expect(resolved('But a day later, the Ministry of Defense called', '2024-05-14')).toEqual([]);
    expect(resolved('But a day later, the Ministry of Defense called', '2024-05-14', { anchor: '2024-05-07' })).toEqual([
      'a day later → 2024-05-08..2024-05-08 day',
    ]);
  });
  it('"the next day" counts from a given anchor only', () => {
    expect(resolved('The next day, the talks resumed.', '2024-05-14')).toEqual([]);
    expect(resolved('The next day, the talks resumed.', '2024-05-14', { anchor: '2024-05-10' })).toEqual(['The next day → 2024-05-11..2024-05-11 day']);
  });
  it('"25th of the last month" (devset 08, published 2021-09-14) is 2021-08-25', () => {
    expect(resolved('their earlier telephonic conversation of 25th of the last month, the two leaders', '2021-09-14')).toEqual([
      '25th of the last month → 2021-08-25..2021-08-25 day',
    ]);
  });
});

describe('weeks, months and years relative to publication', () => {
  it('"Earlier this week" runs from Monday up to publication (seed 002)', () => {
    expect(resolved('Earlier this week, Deputy Prime Minister Ishaq Dar visited Kabul.', '2025-07-20')).toEqual([
      'Earlier this week → 2025-07-14..2025-07-20 week',
    ]);
  });
  it('"last week", "this week" and "next week" are whole Monday-to-Sunday weeks', () => {
    expect(resolved('met last week', '2025-07-20')).toEqual(['last week → 2025-07-07..2025-07-13 week']);
    expect(resolved('meets this week', '2023-02-03')).toEqual(['this week → 2023-01-30..2023-02-05 week']);
    expect(resolved('will be held in Moscow next week', '2023-02-03')).toEqual(['next week → 2023-02-06..2023-02-12 week']);
  });
  it('"Earlier this month" is July 2025 up to publication (seed 002)', () => {
    const [m] = mentions('Earlier this month, the two countries also held the inaugural round', '2025-07-20');
    expect(m?.window).toEqual({ start: '2025-07-01', end: '2025-07-20', precision: 'month' });
  });
  it('"this month", "last month", "next month"', () => {
    expect(resolved('this month', '2024-01-16')).toEqual(['this month → 2024-01-01..2024-01-31 month']);
    expect(resolved('last month', '2024-01-16')).toEqual(['last month → 2023-12-01..2023-12-31 month']);
    expect(resolved('next month', '2024-01-16')).toEqual(['next month → 2024-02-01..2024-02-29 month']);
  });
  it('"last year" and "this year"', () => {
    expect(resolved('since last year when the ceasefire ended', '2023-07-25')).toEqual(['last year → 2022-01-01..2022-12-31 year']);
    expect(resolved('this year', '2023-07-25')).toEqual(['this year → 2023-01-01..2023-12-31 year']);
  });
  it('"last September" is the September before the publication month (seed 004: Jan 2024 → Sep 2023)', () => {
    expect(resolved('hosted by Russia last September, regional countries had called', '2024-01-16')).toEqual([
      'last September → 2023-09-01..2023-09-30 month',
    ]);
    expect(resolved('last September', '2024-10-02')).toEqual(['last September → 2024-09-01..2024-09-30 month']);
    expect(resolved('last September', '2024-09-20')).toEqual(['last September → 2023-09-01..2023-09-30 month']);
  });
  it('"in September" without a year: the latest one for the past, the next one for the future', () => {
    expect(resolved('The talks were held in September.', '2024-01-16')).toEqual(['September → 2023-09-01..2023-09-30 month']);
    expect(resolved('They will meet in September.', '2024-01-16')).toEqual(['September → 2024-09-01..2024-09-30 month']);
  });
  it('"mid-July" is the month of July', () => {
    expect(resolved('They will meet in mid-July.', '2024-01-16')).toEqual(['mid-July → 2024-07-01..2024-07-31 month']);
  });
});

describe('days of the month without a year', () => {
  it('seed 003, published 2024-05-14: "on May 10" and "on May 7th" are this year', () => {
    expect(resolved('the bilateral dialogue on May 10, hosted by the United States', '2024-05-14')).toEqual([
      'May 10 → 2024-05-10..2024-05-10 day',
    ]);
    expect(resolved('said on May 7th that the attack', '2024-05-14')).toEqual(['May 7th → 2024-05-07..2024-05-07 day']);
  });
  it('a weekday beside the date does not override it: "on Monday, May 13"', () => {
    expect(resolved('issued a joint statement on Monday, May 13, saying', '2024-05-14')).toEqual([
      'on Monday, May 13 → 2024-05-13..2024-05-13 day',
    ]);
  });
  it('seed 001, published 2014-06-26: the planned "on July 3" is 2014-07-03', () => {
    const text = 'The two sides also agreed to hold a meeting of their relevant officials in Islamabad on July 3 to enhance security coordination.';
    const [m] = mentions(text, '2014-06-26', { tense: 'future' });
    expect(m).toMatchObject({ text: 'July 3', relation: 'future', window: { start: '2014-07-03', end: '2014-07-03', precision: 'day' } });
    expect(text.slice(m!.start - 1000, m!.end - 1000)).toBe('July 3');
    // The cue "agreed to hold" alone also makes it future.
    expect(resolved(text, '2014-06-26')).toEqual(['July 3 → 2014-07-03..2014-07-03 day']);
  });
  it('a planned date already past is next year; a past-tense date well after publication is last year', () => {
    expect(resolved('will meet on January 10', '2024-05-14', { tense: 'future' })).toEqual(['January 10 → 2025-01-10..2025-01-10 day']);
    expect(resolved('met on December 28', '2024-01-02', { tense: 'past' })).toEqual(['December 28 → 2023-12-28..2023-12-28 day']);
  });
  it('without a tense, the year of publication (devset 03: "on November 10", published 2021-11-08)', () => {
    expect(resolved('the regional security dialogue being hosted by India on November 10', '2021-11-08')).toEqual([
      'November 10 → 2021-11-10..2021-11-10 day',
    ]);
  });
});

describe('absolute dates', () => {
  it('years, months of a year and full dates', () => {
    expect(resolved('a multibillion-dollar initiative launched in 2015 as part of the BRI', '2024-01-16')).toEqual([
      '2015 → 2015-01-01..2015-12-31 year',
    ]);
    expect(resolved('Iran hosted meetings in a similar format in 2018 and 2019.', '2021-11-08')).toEqual([
      '2018 → 2018-01-01..2018-12-31 year',
      '2019 → 2019-01-01..2019-12-31 year',
    ]);
    expect(resolved('in March 2023, June 2014, on 10 May 2024 and May 10, 2024', '2024-01-16')).toEqual([
      'March 2023 → 2023-03-01..2023-03-31 month',
      'June 2014 → 2014-06-01..2014-06-30 month',
      'on 10 May 2024 → 2024-05-10..2024-05-10 day',
      'May 10, 2024 → 2024-05-10..2024-05-10 day',
    ]);
  });
  it('ranges of days keep their last day', () => {
    expect(resolved('The conference was held on 10-11 May 2024 in Doha', null)).toEqual(['on 10-11 May 2024 → 2024-05-10..2024-05-11 day']);
    expect(resolved('talks held on January 29-30', '2019-01-31')).toEqual(['January 29-30 → 2019-01-29..2019-01-30 day']);
  });
  it('resolve without a publication date, while relative words then give nothing', () => {
    const found = mentions('since the Taliban returned to power in 2021, and on Thursday, last September, earlier this week', null);
    expect(found.map((m) => [m.text, m.window.start, m.relation])).toEqual([['2021', '2021-01-01', 'unknown']]);
    expect(mentions('On April 13, 2023, the 4th foreign ministers meeting was held', null).map((m) => m.window.start)).toEqual(['2023-04-13']);
  });
  it('impossible dates give no mention and no error', () => {
    expect(mentions('They met on February 30 in Kabul.', '2024-01-16')).toEqual([]);
    expect(mentions('They met on February 30, 2024 in Kabul.', null)).toEqual([]);
    expect(mentions('on 31.02.2019', null)).toEqual([]);
  });
  it('times, counts and words that look like dates are not dates', () => {
    expect(mentions('time: 11:20 am, the two-day conference, the 4th meeting, you may meet, the Sun rose, a march', '2019-01-31')).toEqual([]);
    expect(mentions('22 foreign groups and 40 years of war', '2019-01-31')).toEqual([]);
  });
});

describe('tense near a date', () => {
  it('a future cue in the same clause wins over the given tense; a past cue only decides when none is given', () => {
    expect(tenseAt('They were going to meet with me on Sunday', 33, 'past')).toBe('future');
    expect(tenseAt('Officials met in Kabul on Sunday', 23, undefined)).toBe('past');
    expect(tenseAt('Officials in Kabul on Sunday', 19, undefined)).toBeUndefined();
  });
});

describe('implausible years', () => {
  it('drops a reading chrono makes of a far-off year (a case the property test found)', () => {
    const text = '07/25/23 last 2015 year';
    const found = findDateMentions({ start: 0, end: text.length, text }, '2024-01-16');
    expect(found.every((m) => /^(19|20)\d\d-/.test(m.window.start) && /^(19|20)\d\d-/.test(m.window.end))).toBe(true);
    expect(found.map((m) => m.text)).toContain('07/25/23');
  });
});

describe('invariants', () => {
  it('spans slice the file text, and no window ends before it starts', () => {
    const words = ['on', 'Thursday', 'last', 'September', 'May', '10,', '2024', 'in', '2015', 'earlier', 'this', 'week', 'month', 'a', 'day', 'after',
      'February', '30', 'today', '(Tuesday)', 'next', 'year', 'the', 'talks', 'will', 'meet', 'held', '25th', 'of', 'ago', '31.01.2019', '07/25/23'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 14 }), fc.constantFrom('2024-01-16', '2014-06-26', null), (ws, pub) => {
        const prefix = 'Officials said. ';
        const sentence = ws.join(' ');
        const file = prefix + sentence;
        for (const m of findDateMentions({ start: prefix.length, end: file.length, text: sentence }, pub)) {
          expect(file.slice(m.start, m.end)).toBe(m.text);
          expect(m.window.start <= m.window.end).toBe(true);
          expect(m.window.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a weekday given with a day and month decides the year', () => {
  it('"Monday, 28 Mar" in a future-tense sentence the day after is that Monday, not next year\'s 28 March', async () => {
    expect(resolved('On Monday, 28 Mar, the ministry briefed on the upcoming conference.', '2022-03-29', { tense: 'future' })).toEqual([
      'On Monday, 28 Mar → 2022-03-28..2022-03-28 day',
    ]);
    const { yearOfWeekday } = await import('./resolve');
    // 2022-03-28 is a Monday; 2023-03-28 a Tuesday.
    expect(yearOfWeekday('2022-03-29', '2023-03-28', 1)).toBe('2022-03-28');
    // Already consistent: unchanged.
    expect(yearOfWeekday('2022-03-29', '2022-03-28', 1)).toBe('2022-03-28');
  });
});
