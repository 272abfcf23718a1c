import { describe, expect, it } from 'vitest';
import { tenseAt, verbGroups } from './grammar';

/** "group=tense" for each verb group of a made-up sentence. */
const read = (text: string) => verbGroups(text).map((g) => `${g.text}=${g.tense}`);

describe('verb groups and their tense (wink-nlp part of speech and lemmas)', () => {
  it.each([
    ['The two sides held talks on Monday.', 'held=past'],
    ['They have met twice since January.', 'have met=past'],
    ['The meeting was held in the capital.', 'was held=past'],
    ['The envoy will then lead the delegation to the conference.', 'will then lead=future'],
    ['The meeting will be held next week.', 'will be held=future'],
    ['The military chiefs were to meet on the sidelines of the summit.', 'were to meet=future'],
    ['The foreign minister is set to host the talks.', 'is set to host=future'],
    ['The minister plans to visit the region.', 'plans to visit=future'],
    ['The secretary would soon speak to the president.', 'would soon speak=future'],
    ['Officials are meeting in the capital this week.', 'are meeting=progressive'],
  ])('%s', (sentence, expected) => {
    expect(read(sentence)[0]).toBe(expected);
  });

  it('keeps exact offsets and finds the group that governs a word', () => {
    const text = 'The envoy is also in the capital and holding talks, the embassy confirmed on Wednesday.';
    const groups = verbGroups(text);
    for (const g of groups) expect(text.slice(g.start, g.end)).toBe(g.text);
    expect(tenseAt(groups, text.indexOf('talks'))?.tense).toBe('progressive');
    expect(tenseAt(groups, text.indexOf('Wednesday'))?.text).toBe('confirmed');
  });
});

describe('headline style', () => {
  it('"Leaders to hold meeting" is what will happen', () => {
    const headline = 'Salvaging ties: army chiefs to hold meeting';
    expect(verbGroups(headline, { headline: true }).map((g) => `${g.text}=${g.tense}`)).toContain('to hold=future');
  });
  it('in body text the same shape is a purpose, not a plan', () => {
    expect(read('They agreed on closer cooperation to fight terrorism.').filter((g) => g.includes('future'))).toEqual([]);
  });
});

describe('plans in any tense', () => {
  it('"agreed to hold" is past, and a plan', () => {
    const [g] = verbGroups('The two sides agreed to hold the next round in the capital.');
    expect(g).toMatchObject({ text: 'agreed to hold', tense: 'past', plans: true });
  });
  it('"held" is no plan', () => {
    expect(verbGroups('The two sides held talks.')[0]).toMatchObject({ tense: 'past', plans: false });
  });
});
