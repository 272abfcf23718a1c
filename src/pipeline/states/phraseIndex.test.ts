import { describe, expect, it } from 'vitest';
import { canonicalGap, normalizeWord, PhraseIndex, slugify, tokenize } from './phraseIndex';

function find<T>(index: PhraseIndex<T>, text: string): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = index.matchAt(text, tokens, i)[0];
    if (m) out.push(text.slice(m.start, m.end));
  }
  return out;
}

describe('tokenize', () => {
  it('keeps UTF-16 offsets of the original text and folds case and diacritics', () => {
    const text = 'Türkiye’s Kandahār, KABUL';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.key)).toEqual(['turkiye', 's', 'kandahar', 'kabul']);
    for (const t of tokens) expect(normalizeWord(text.slice(t.start, t.end))).toBe(t.key);
  });
});

describe('canonicalGap', () => {
  it('treats hyphens as spaces, unifies apostrophes and refuses line breaks and long gaps', () => {
    expect(canonicalGap('-')).toBe(canonicalGap(' '));
    expect(canonicalGap('\u2019')).toBe("'");
    expect(canonicalGap(', ')).toBe(',');
    expect(canonicalGap('\n')).toBeNull();
    expect(canonicalGap(' — ')).toBeNull();
  });
});

describe('slugify', () => {
  it('gives lowercase ASCII slugs', () => {
    expect(slugify('New Delhi')).toBe('new-delhi');
    expect(slugify('Mazār-e Sharīf')).toBe('mazar-e-sharif');
    expect(slugify('Washington, D.C.')).toBe('washington-d-c');
  });
});

describe('PhraseIndex', () => {
  const index = new PhraseIndex<string>();
  index.add('Washington, D.C.', 'dc');
  index.add('Washington', 'wa');
  index.add('Cholpon-Ata', 'ca');
  index.add('US', 'us', 'exact');
  index.add('U.S.', 'us', 'exact');

  it('prefers the longest phrase and keeps the closing dot', () => {
    const text = 'Talks in Washington, D.C. ended';
    const tokens = tokenize(text);
    const matches = index.matchAt(text, tokens, 2);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Washington, D.C.', 'Washington']);
  });
  it('needs the punctuation of the phrase between words, but hyphen and space are alike', () => {
    expect(find(index, 'Washington D C')).toEqual(['Washington']);
    expect(find(index, 'in Cholpon Ata and Cholpon-Ata')).toEqual(['Cholpon Ata', 'Cholpon-Ata']);
  });
  it('matches capitalised phrases in any capitalisation of the text but not in lower case', () => {
    expect(find(index, 'WASHINGTON washington Washington')).toEqual(['WASHINGTON', 'Washington']);
  });
  it('matches exact-case phrases only as written: "US" but never "us"', () => {
    expect(find(index, 'the US told us, the U.S. said')).toEqual(['US', 'U.S.']);
  });
  it('never joins words across a line break', () => {
    expect(find(index, 'Cholpon\nAta')).toEqual([]);
  });
});
