import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCues } from './cues';
import { MeetingWordsFile, parseLexicon } from './lexicon';

const json = JSON.parse(readFileSync(new URL('../../../data/meeting-words.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('data/meeting-words.json', () => {
  it('passes its schema', () => {
    expect(MeetingWordsFile.safeParse(json).success).toBe(true);
  });
  it('a bad file stops with its name and the field', () => {
    expect(() => parseLexicon({ ...json, meetingNouns: 'talks' }, 'data/meeting-words.json')).toThrow(/data\/meeting-words\.json is not valid:\n\s+meetingNouns/);
    expect(() => parseLexicon({ ...json, officialWords: ['Minister'] })).toThrow(/officialWords/);
  });
  it('is what the cues read: a noun added to the file is a meeting noun, one removed is not', () => {
    const withParley = parseLexicon({ ...json, meetingNouns: [...(json.meetingNouns as string[]), 'parley'] });
    expect(findCues('The parley ended on Monday.', withParley).map((c) => c.noun)).toEqual(['parley']);
    const withoutSummit = parseLexicon({ ...json, meetingNouns: (json.meetingNouns as string[]).filter((n) => n !== 'summit') });
    expect(findCues('The summit ended on Monday.', withoutSummit)).toEqual([]);
  });
});
