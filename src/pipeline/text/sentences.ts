/**
 * Splits a paragraph of news prose into sentences, keeping absolute offsets.
 * Errs towards keeping text together: a missed split only makes a sentence longer, while a
 * wrong one ("Dr." | "Spanta met ...") cuts a fact in two.
 */
import type { Sentence } from '../contracts';

/** Abbreviations that end with a period but rarely end a sentence (titles, ranks, "vs", "etc."). */
const TITLES = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm', 'brig',
  'st', 'jr', 'sr', 'gov', 'sen', 'rep', 'pres', 'amb', 'hon', 'rev', 'sheikh', 'mt', 'ft',
  'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'approx', 'dept', 'est',
]);
/** Abbreviations that stand before a number: "No. 5", "Jan. 29", "Art. 370". */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'art', 'vol', 'p', 'pp', 'fig', 'sec', 'ch', 'para', 'op',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const CANDIDATE = /(?:\.{3}|…|[.!?]+)["'”’)\]]*(?=\s)/gu;

/**
 * Sentences of `text.slice(start, end)`, with offsets into `text`. Each sentence is trimmed,
 * so `text.slice(s.start, s.end) === s.text`.
 */
export function splitSentences(text: string, start: number, end: number): Sentence[] {
  const para = text.slice(start, end);
  const cuts: number[] = [];
  const quotes = quoteTracker(para);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(para); m !== null; m = CANDIDATE.exec(para)) {
    const cut = m.index + m[0].length;
    NEXT_CHAR.lastIndex = cut;
    const next = NEXT_CHAR.exec(para);
    if (!next) break;
    if (isBoundary(para, m.index, m[0], next[0], quotes)) cuts.push(cut);
  }
  const out: Sentence[] = [];
  let from = 0;
  for (const cut of [...cuts, para.length]) push(out, text, start, from, cut);
  function push(acc: Sentence[], t: string, base: number, a: number, b: number) {
    const piece = t.slice(base + a, base + b);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed.length > 0) acc.push({ start: base + a + lead, end: base + a + lead + trimmed.length, text: trimmed });
    from = b;
  }
  return out;
}

/** The first non-space character at or after `lastIndex` (global, so no copy of the rest is made). */
const NEXT_CHAR = /\S/gu;
/**
 * How far back to look for the word before a period. Every word the rules below recognise is
 * far shorter; the bound keeps a paragraph of thousands of sentences (one endless line) linear,
 * where an end-anchored regex over the whole prefix made it quadratic (minutes for 1 MB).
 */
const WORD_LOOKBACK = 64;

function isBoundary(para: string, at: number, punct: string, next: string, quotes: (at: number) => boolean): boolean {
  // A sentence starts with a capital, a digit or an opening quote/bracket; "... and" goes on.
  if (!/[\p{Lu}\d"“‘'([]/u.test(next)) return false;
  const ellipsis = punct.startsWith('...') || punct.startsWith('…');
  if (ellipsis) return !quotes(at);
  if (!punct.startsWith('.') || punct.startsWith('..')) return true;
  const word = /([\p{L}.]+)$/u.exec(para.slice(Math.max(0, at - WORD_LOOKBACK), at))?.[1] ?? '';
  const bare = word.toLowerCase();
  if (TITLES.has(bare)) return false;
  if (BEFORE_NUMBER.has(bare) && /\d/.test(next)) return false;
  // An initial ("Abdul H. Karimi") or a dotted acronym ("U.S.", "U.N.", "a.m.").
  if (/^\p{Lu}$/u.test(word)) return false;
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(word)) return false;
  return true;
}

/**
 * Whether offset `at` lies inside a double-quoted passage opened earlier in the paragraph.
 * Offsets are asked in increasing order, so the scan resumes where it stopped (linear overall).
 */
function quoteTracker(para: string): (at: number) => boolean {
  let scanned = 0;
  let open = false;
  return (at) => {
    for (; scanned < at; scanned++) {
      const c = para[scanned];
      if (c === '“') open = true;
      else if (c === '”') open = false;
      else if (c === '"') open = !open;
    }
    return open;
  };
}
