import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseLexicon } from './lexicon';

/** The project's own meeting vocabulary, as the build reads it. */
const lex = parseLexicon(JSON.parse(readFileSync(new URL('../../../data/meeting-words.json', import.meta.url), 'utf8')));
import { findCues, findReferences, isGeneric, isInvitation, isReducedRelativeSigning, isReportingDate, sentenceTense, statusCue } from './cues';

const kinds = (t: string) => findCues(t, lex).map((c) => `${c.kind}:${c.text}`);

describe('findCues', () => {
  it('finds meetings, visits, signings, courtesy calls and telephone calls', () => {
    expect(kinds('Kabulov met with Pakistani Foreign Minister Qureshi in Islamabad.')).toEqual(['meeting:met with']);
    expect(kinds('Dar visited Kabul.')).toEqual(['visit:visited']);
    expect(kinds('Pakistan, Uzbekistan and Afghanistan signed the Framework Agreement')).toEqual(['signing:signed']);
    expect(kinds('DG Hameed also called on Assistant Foreign Minister of China Nong Rong')).toEqual(['courtesy:called on']);
    expect(kinds('During a telephonic conversation with Russian President Vladimir Putin')).toEqual(['call:telephonic conversation']);
    expect(kinds('Khan held a telephone conversation with Putin')).toEqual(['call:held a telephone conversation']);
  });
  it('"called on X to do Y" is an appeal, "called for" nothing', () => {
    expect(findCues('regional countries had called on the Taliban administration to take effective measures', lex)).toEqual([]);
    expect(findCues('Sharif called for speeding up projects', lex)).toEqual([]);
  });
  it('marks verbs strong and bare nouns weak', () => {
    const [held] = findCues('the two countries also held the inaugural round of the Additional Secretary-Level Mechanism talks', lex);
    expect(held).toMatchObject({ strong: true, noun: 'round' });
    expect(findCues('The main focus of talks was security.', lex)[0]).toMatchObject({ strong: false, noun: 'talks' });
  });
});

describe('sentence words', () => {
  it('finds definite references to a meeting already reported', () => {
    expect(findReferences('The meeting in Kazan emphasised', lex).map((r) => r.noun)).toEqual(['meeting']);
    expect(findReferences('During this visit, Dar called on', lex).map((r) => r.noun)).toEqual(['visit']);
    expect(findReferences('the next 5th meeting of the Ministers', lex)).toEqual([]);
  });
  it('reads status cues', () => {
    expect(statusCue('Trump said he canceled secret meetings').status).toBe('cancelled');
    expect(statusCue('The talks were postponed').status).toBe('cancelled');
    expect(statusCue('The two sides also agreed to hold a meeting on July 3').status).toBe('planned');
    expect(statusCue('will be held in Moscow next week').status).toBe('planned');
    expect(statusCue('the dialogue on May 10 will deal with challenges').status).toBeNull();
  });
  it('tells generic mentions, invitations and old agreements from meetings', () => {
    expect(isGeneric('such meetings will be held in future too')).toBe(true);
    expect(isInvitation('reiterated his invitation to President Putin to visit Pakistan')).toBe(true);
    const text = 'Under the accord signed in Doha, Qatar, in February';
    expect(isReducedRelativeSigning(text, findCues(text, lex)[0]!)).toBe(true);
  });
  it('knows a date of saying from a date of meeting', () => {
    const t = 'will be held in Moscow next week, Kabulov told TASS on Friday.';
    expect(isReportingDate(t, t.indexOf('on Friday'))).toBe(true);
    expect(isReportingDate(t, t.indexOf('next week'))).toBe(false);
    const u = 'President Donald Trump on Saturday said he canceled';
    expect(isReportingDate(u, u.indexOf('on Saturday'), u.indexOf('on Saturday') + 11)).toBe(true);
  });
  it('guesses tense for relative dates', () => {
    expect(sentenceTense('Doval will on Tuesday hold bilateral talks')).toBe('future');
    expect(sentenceTense('Wang Yi on Monday met with Baradar')).toBe('past');
  });
});
