/**
 * Who sat at the table of one meeting: the people the meeting's own sentences name, less
 * those who only talk about it (a spokesman, an analyst), those named on someone's behalf
 * ("conveyed the greetings of President X") and those named for a thing of theirs
 * ("Soleimani's death anniversary"). A person whose state no role names takes the other side
 * of a two-state meeting when the text pairs them ("X and his Afghan counterpart Y") or when
 * everyone else at the table is from one side.
 */
import type { Person } from '../../dataset/schema';
import type { ArticlePerson } from './group';
import type { PersonMention } from './mentions';

export interface MeetingSentences {
  /** Indexes of the sentences that report the meeting. */
  sentenceIndexes: ReadonlySet<number>;
  /** The states at the table. */
  participants: readonly string[];
  /** States the sentences seat through an office ("China's ambassador"), named or not. */
  representedBy: ReadonlySet<string>;
  /**
   * Sentences whose first person is the "he" or "she" of a meeting sentence that follows
   * ("Prime Minister Imran Khan has underlined ... During a telephonic conversation with
   * ..., he emphasized"): only that person counts from them.
   */
  antecedentSentences?: ReadonlySet<number>;
}

export interface SeatedPerson {
  person: ArticlePerson;
  /** The mention that seats the person (in the meeting's sentences). */
  at: PersonMention;
  state: string | null;
  /** How the state was found when no role named it ("the other side of a two-state meeting"). */
  stateFrom: 'role' | 'counterpart' | 'other side' | null;
}

export function seatedPeople(meeting: MeetingSentences, persons: ArticlePerson[]): SeatedPerson[] {
  const seated: SeatedPerson[] = [];
  for (const person of persons) {
    if (person.commentator) continue;
    const antecedent = (m: PersonMention) => meeting.antecedentSentences?.has(m.sentenceIndex) && firstIn(persons, m.sentenceIndex) === m;
    const here = person.mentions.filter((m) => meeting.sentenceIndexes.has(m.sentenceIndex) || antecedent(m));
    if (!here.length || here.every((m) => m.aside !== null)) continue;
    const at = here.find((m) => m.aside === null && m.role !== null) ?? here.find((m) => m.aside === null)!;
    seated.push({ person, at, state: person.state, stateFrom: person.state ? 'role' : null });
  }
  seated.sort((a, b) => a.at.start - b.at.start);
  fillSides(seated, meeting.participants, meeting.representedBy);
  return seated;
}

function firstIn(persons: ArticlePerson[], sentenceIndex: number): PersonMention | undefined {
  return persons
    .filter((p) => !p.commentator)
    .flatMap((p) => p.mentions)
    .filter((m) => m.sentenceIndex === sentenceIndex && m.aside === null)
    .sort((a, b) => a.start - b.start)[0];
}

function fillSides(seated: SeatedPerson[], participants: readonly string[], representedBy: ReadonlySet<string>): void {
  if (participants.length !== 2) return;
  const other = (s: string) => (participants[0] === s ? participants[1]! : participants[1] === s ? participants[0]! : null);
  // "Interior Minister Mohsin Naqvi and his Afghan counterpart Sirajuddin Haqqani".
  for (const s of seated) {
    if (s.state) continue;
    const partner = seated.find((t) => t !== s && t.state && t.person.mentions.some((m) => /\bcounterparts?\b/i.test(m.role ?? '') && s.person.mentions.some((n) => n.sentenceIndex === m.sentenceIndex && n.start < m.start)));
    const side = partner ? other(partner.state!) : null;
    if (side) Object.assign(s, { state: side, stateFrom: 'counterpart' });
  }
  // Everyone else at a two-state table is from one side, by name or by an office ("a meeting
  // with China's ambassador"): the one person left is from the other.
  const known = new Set(seated.map((s) => s.state).filter((s): s is string => s !== null));
  if (known.size === 0) for (const r of representedBy) if (participants.includes(r)) known.add(r);
  // Only one person left to place: two or more could be from either side.
  const unplaced = seated.filter((s) => !s.state);
  if (known.size === 1 && unplaced.length === 1) {
    const side = other([...known][0]!);
    if (side) Object.assign(unplaced[0]!, { state: side, stateFrom: 'other side' });
  }
}

/** The dataset's entries for the seated people, with their evidence as exact spans of the file. */
export function toPeople(seated: SeatedPerson[], file: string, text: string): Person[] {
  return seated.map(({ person, at, state }) => {
    const ev = at.role !== null ? at : person.best;
    return {
      name: person.name,
      role: person.role,
      state,
      organization: person.organization,
      evidence: { file, start: ev.start, end: ev.end, quote: text.slice(ev.start, ev.end) },
    };
  });
}

/**
 * "Naqvi–Haqqani": the first person seated for each of two sides, in the order the text
 * seats them, each by the name the article uses on second mention.
 */
export function headsTitle(seated: SeatedPerson[], sides: readonly string[]): string | null {
  if (sides.length !== 2) return null;
  const heads = sides.map((side) => seated.find((s) => s.state === side));
  if (heads.some((h) => !h)) return null;
  return heads
    .map((h) => h!)
    .sort((a, b) => a.at.start - b.at.start)
    .map((h) => h.person.shortName)
    .join('–');
}
