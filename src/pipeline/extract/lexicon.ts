/**
 * The meeting vocabulary (data/meeting-words.json): checked with zod where the build reads
 * it, compiled once into the sets and patterns the extraction uses, and passed in, as the
 * gazetteer is. Nothing here reads a file.
 */
import * as z from 'zod/mini';
import { describeIssues } from '../../dataset/schema';

const Word = z.string().check(z.regex(/^[a-z][a-z' -]*[a-z]$/, 'expected lower-case words'));
const Words = z.array(Word).check(z.minLength(1));

export const MeetingWordsFile = z.object({
  meetingNouns: Words,
  officialWords: Words,
  personalTitles: Words,
  visitVerbs: Words,
  notMeetingBefore: Words,
});
export type MeetingWordsFile = z.infer<typeof MeetingWordsFile>;

export interface Lexicon {
  officialWords: ReadonlySet<string>;
  personalTitles: ReadonlySet<string>;
  /** The meeting nouns as one alternation, longest first ("meetings|meeting|..."). */
  meetingNouns: string;
  /** "held / hosted / attended ... <noun>". */
  heldNoun: RegExp;
  noun: RegExp;
  /** "the talks", "this visit": a definite reference to a meeting. */
  reference: RegExp;
  visitVerb: RegExp;
  /** Words right before a noun that make it no meeting ("press conference"). */
  notMeetingBefore: RegExp;
}

/** A word as a literal in a regular expression. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegExp).join('|');

export function compileLexicon(file: MeetingWordsFile): Lexicon {
  const nouns = alternation(file.meetingNouns);
  return {
    officialWords: new Set(file.officialWords),
    personalTitles: new Set(file.personalTitles),
    meetingNouns: nouns,
    heldNoun: new RegExp(
      String.raw`\b(?:held|hold|holds|holding|conducting|conducted|convened|convene|hosted|hosts|host|hosting|organi[sz]e|organi[sz]ed|attended)\b(?:\s+(?!(?:by|on|at|in)\b)[\w’'-]+){0,6}?\s+(?:${nouns})\b`,
      'gi',
    ),
    noun: new RegExp(String.raw`\b(?:${nouns})\b`, 'gi'),
    reference: new RegExp(String.raw`\b(the|this|that|these|his|her|their|its)\s+(${nouns})\b`, 'gi'),
    visitVerb: new RegExp(String.raw`\b(?:${alternation(file.visitVerbs).replace(/ /g, '\\s+')})\b`, 'gi'),
    notMeetingBefore: new RegExp(String.raw`\b(?:${alternation(file.notMeetingBefore)})\s+$`, 'i'),
  };
}

/** Checks the file's JSON and compiles it; the error names the file and the bad field. */
export function parseLexicon(json: unknown, label = 'data/meeting-words.json'): Lexicon {
  const r = MeetingWordsFile.safeParse(json);
  if (!r.success) throw new Error(`${label} is not valid:\n  ${describeIssues(r.error).join('\n  ')}`);
  return compileLexicon(r.data);
}

/** An official word, singular or plural ("ministers"). */
export function isOfficialWord(lex: Lexicon, word: string): boolean {
  return lex.officialWords.has(word) || lex.officialWords.has(word.replace(/s$/, ''));
}
