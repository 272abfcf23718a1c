/**
 * The words around a person's name (data/person-words.json): checked with zod where the
 * build reads it and compiled into sets, then passed in like the meeting lexicon. Nothing
 * here reads a file.
 */
import * as z from 'zod/mini';
import { describeIssues } from '../../dataset/schema';

const Word = z.string().check(z.regex(/^[\p{Ll}][\p{Ll}' -]*$/u, 'expected lower-case words'));
const Words = z.array(Word).check(z.minLength(1));

export const PersonWordsFile = z.object({
  honorifics: Words,
  offices: Words,
  roleModifiers: Words,
  nameParticles: Words,
  notAtTableRoles: Words,
  notPresentCues: Words,
  notNameWords: Words,
});
export type PersonWordsFile = z.infer<typeof PersonWordsFile>;

export interface PersonWords {
  honorifics: ReadonlySet<string>;
  offices: ReadonlySet<string>;
  roleModifiers: ReadonlySet<string>;
  nameParticles: ReadonlySet<string>;
  notAtTableRoles: ReadonlySet<string>;
  /** Nouns of bodies and events and calendar words, never part of a person's name ("PM Office", "July"). */
  notNameWords: ReadonlySet<string>;
  /** "greetings of", "on behalf of", "killed": matched at the end of the text before a name. */
  notPresentBefore: RegExp;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compilePersonWords(file: PersonWordsFile): PersonWords {
  const cues = [...file.notPresentCues].sort((a, b) => b.length - a.length).map((c) => escapeRegExp(c).replace(/ /g, '\\s+'));
  return {
    honorifics: new Set(file.honorifics),
    offices: new Set(file.offices),
    roleModifiers: new Set(file.roleModifiers),
    nameParticles: new Set(file.nameParticles),
    notAtTableRoles: new Set(file.notAtTableRoles),
    notNameWords: new Set(file.notNameWords),
    // The cue, then up to eight words of title ("the greetings of Prime Minister of Pakistan").
    notPresentBefore: new RegExp(String.raw`\b(?:${cues.join('|')})\s+(?:[\p{L}’'.-]+\s+){0,8}$`, 'iu'),
  };
}

/** Checks the file's JSON and compiles it; the error names the file and the bad field. */
export function parsePersonWords(json: unknown, label = 'data/person-words.json'): PersonWords {
  const r = PersonWordsFile.safeParse(json);
  if (!r.success) throw new Error(`${label} is not valid:\n  ${describeIssues(r.error).join('\n  ')}`);
  return compilePersonWords(r.data);
}
