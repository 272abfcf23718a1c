import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

function split(text: string): string[] {
  const out = splitSentences(text, 0, text.length);
  for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  return out.map((s) => s.text);
}

describe('sentence splitting', () => {
  it('splits at sentence ends', () => {
    expect(split('The talks were held. Both sides agreed! Will they meet? Yes.')).toEqual([
      'The talks were held.', 'Both sides agreed!', 'Will they meet?', 'Yes.',
    ]);
  });
  it('does not break on titles, "U.S.", "No. 5", initials or decimals', () => {
    expect(split('Dr. Spanta met Mr. Aziz and U.S. officials in Hall No. 5 with Abdul H. Karimi. Growth was 3.5 percent.')).toEqual([
      'Dr. Spanta met Mr. Aziz and U.S. officials in Hall No. 5 with Abdul H. Karimi.',
      'Growth was 3.5 percent.',
    ]);
  });
  it('keeps an ellipsis inside a quote in its sentence, and splits after a closing quote', () => {
    expect(split('"A roadmap was drawn ... And an agreement was reached," the NDS said. The meeting ended.')).toEqual([
      '"A roadmap was drawn ... And an agreement was reached," the NDS said.',
      'The meeting ended.',
    ]);
    expect(split('“We have cases. Pakistan must answer.” He left.')).toEqual(['“We have cases.', 'Pakistan must answer.”', 'He left.']);
  });
  it('splits after a name with an initial glued to it ("V.Hajiyev.")', () => {
    expect(split('Turkmenistan was represented by V.Hajiyev. During the meeting, views were exchanged.')).toEqual([
      'Turkmenistan was represented by V.Hajiyev.', 'During the meeting, views were exchanged.',
    ]);
  });
  it('keeps offsets absolute for a paragraph inside a file', () => {
    const file = 'HEADLINE\nKABUL: First one. Second one.\n';
    const out = splitSentences(file, 16, 38);
    expect(out.map((s) => [s.start, s.end, s.text])).toEqual([[16, 26, 'First one.'], [27, 38, 'Second one.']]);
  });
});
