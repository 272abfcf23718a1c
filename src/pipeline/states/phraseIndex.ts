/**
 * Finding known phrases (state names, city names, demonyms) in running text by index, not
 * by regex: the text is cut into word tokens once, and each token is looked up in a Map from
 * its normalised form to the phrases that start with it. This is what keeps 135k gazetteer
 * names affordable at hundreds of articles a second.
 *
 * Normalisation folds case and diacritics ("Türkiye" = "turkiye", "Kandahār" = "kandahar"),
 * but the punctuation between words still counts ("Washington, D.C." needs its comma and
 * dots; "Cholpon-Ata" and "Cholpon Ata" are the same), so a list such as "Kabul, Pakistan"
 * never fuses into one name, and nothing ever matches across a line break.
 */

export interface Token {
  start: number;
  end: number;
  /** Lowercase, diacritics removed. */
  key: string;
}

/** How strictly the letter case of the text must follow the phrase. */
export type CaseMode =
  /** Every character as in the phrase: abbreviations such as "US" (never "us"). */
  | 'exact'
  /** Words capitalised in the phrase must be capitalised in the text ("Kabul", "KABUL"; not "kabul"). */
  | 'capitalised';

export interface PhraseEntry<T> {
  keys: string[];
  /** The phrase's own words, for the case check. */
  words: string[];
  /** Canonical separators between the words (see `canonicalGap`). */
  gaps: string[];
  caseMode: CaseMode;
  /** A closing dot of the phrase ("U.S.", "Washington, D.C."), taken into the match when the text has it. */
  trailingDot: boolean;
  payload: T;
}

export interface PhraseMatch<T> {
  start: number;
  end: number;
  /** Index of the first token and one past the last one. */
  tokenStart: number;
  tokenEnd: number;
  entry: PhraseEntry<T>;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

const ASCII = /^\p{ASCII}*$/u;

export function normalizeWord(word: string): string {
  // Most words are ASCII; skipping Unicode decomposition for them halves the gazetteer's load time.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const ASCII_WORD = /[A-Za-z0-9]+/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(ASCII.test(text) ? ASCII_WORD : WORD)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, key: normalizeWord(m[0]) });
  }
  return tokens;
}

/**
 * The separator between two words reduced to what matters for names: null when the words
 * cannot belong to one name (a line break, a long gap, a dash); hyphens and en dashes count
 * as spaces ("Cholpon-Ata" = "Cholpon Ata"); apostrophes of every kind are unified;
 * commas and dots are kept.
 */
export function canonicalGap(gap: string): string | null {
  if (gap.length > 3 || /[\n\r]/.test(gap)) return null;
  const g = gap
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[-\u2010\u2011\u2013]/g, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
  return /^[.,']*$/.test(g) ? g : null;
}

/** Lowercase ASCII slug of a name: "New Delhi" → "new-delhi", "Kandahār" → "kandahar". */
export function slugify(name: string): string {
  return tokenize(name)
    .map((t) => t.key.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
    .join('-');
}

function startsUpper(s: string): boolean {
  const c = s[0] ?? '';
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, PhraseEntry<T>[]>();
  private sorted = true;

  /** Adds a phrase; returns false when it has no words. */
  add(phrase: string, payload: T, caseMode: CaseMode = 'capitalised', tokens: readonly Token[] = tokenize(phrase)): boolean {
    const first = tokens[0];
    if (!first) return false;
    const gaps: string[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const gap = canonicalGap(phrase.slice(tokens[i - 1]!.end, tokens[i]!.start));
      if (gap === null) return false;
      gaps.push(gap);
    }
    const entry: PhraseEntry<T> = {
      keys: tokens.map((t) => t.key),
      words: tokens.map((t) => phrase.slice(t.start, t.end)),
      gaps,
      caseMode,
      trailingDot: phrase.slice(tokens[tokens.length - 1]!.end).trim() === '.',
      payload,
    };
    const list = this.byFirst.get(first.key);
    if (list) list.push(entry);
    else this.byFirst.set(first.key, [entry]);
    this.sorted = false;
    return true;
  }

  /** All phrases that match the text starting at token `i`, longest first. */
  matchAt(text: string, tokens: readonly Token[], i: number): PhraseMatch<T>[] {
    const first = tokens[i];
    if (!first) return [];
    const list = this.byFirst.get(first.key);
    if (!list) return [];
    if (!this.sorted) this.sortAll();
    const out: PhraseMatch<T>[] = [];
    for (const entry of list) {
      const n = entry.keys.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const t = tokens[i + k]!;
        if (k > 0) {
          if (t.key !== entry.keys[k]) ok = false;
          else if (canonicalGap(text.slice(tokens[i + k - 1]!.end, t.start)) !== entry.gaps[k - 1]) ok = false;
        }
        if (ok) ok = caseMatches(text.slice(t.start, t.end), entry.words[k]!, entry.caseMode);
      }
      if (!ok) continue;
      let end = tokens[i + n - 1]!.end;
      if (entry.trailingDot && text[end] === '.') end += 1;
      out.push({ start: first.start, end, tokenStart: i, tokenEnd: i + n, entry });
    }
    return out;
  }

  private sortAll(): void {
    for (const list of this.byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
    this.sorted = true;
  }
}

function caseMatches(textWord: string, phraseWord: string, mode: CaseMode): boolean {
  if (mode === 'exact') return textWord === phraseWord;
  return !startsUpper(phraseWord) || startsUpper(textWord);
}

export { startsUpper };
