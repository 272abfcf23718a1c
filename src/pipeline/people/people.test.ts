/**
 * The people stage on made-up articles (real text stages: sentences, states, places, dates),
 * so that the rules are tested on English they were not written from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../dataset/schema';
import { LEXICON_FILE, loadPersonWords, PERSON_WORDS_FILE, TOPICS_FILE } from '../build/dataset';
import { analyzeFile } from '../extract/analyze';
import { parseLexicon } from '../extract/lexicon';
import { extractMeetings } from '../extract/meetings';
import { compileTopics } from '../extract/topics';
import type { ExtractedMeeting } from '../extract/types';
import { loadGazetteer } from '../places/gazetteer';
import { articlePersons, mergePeople, nameKey } from './group';
import { parsePersonWords } from './words';

const gazetteer = loadGazetteer();
const lexicon = parseLexicon(JSON.parse(readFileSync(LEXICON_FILE, 'utf8')));
const topics = compileTopics(JSON.parse(readFileSync(TOPICS_FILE, 'utf8')));

function extract(text: string, published = '2024-03-08'): ExtractedMeeting[] {
  const { articles } = analyzeFile('t.txt', text, published, gazetteer);
  return articles.flatMap((a) => extractMeetings(a, { topics, lexicon, personWords: loadPersonWords(), stateName: (c) => gazetteer.stateName(c) ?? c, capitalOf: (c) => gazetteer.capitalOf(c) }));
}

function persons(text: string) {
  const { articles } = analyzeFile('t.txt', text, '2024-03-08', gazetteer);
  return articles.flatMap((a) => articlePersons(a.sentences, loadPersonWords()));
}

const brief = (people: Person[]) => people.map((p) => `${p.name}/${p.state ?? '?'}`);

describe('one person, several names', () => {
  const text = [
    'TASHKENT: Uzbekistan and Kyrgyzstan agreed on Tuesday to share intelligence on militant groups.',
    'The talks in Tashkent were held between the Defence Minister of Uzbekistan Dr Bakhodir Kurbanov and his Kyrgyz counterpart Ruslan Mukambetov.',
    'Dr Kurbanov said the two sides would meet again in the spring.',
    'The defence minister also thanked Mukambetov for the visit.',
  ].join('\n\n');

  it('groups the titled name, the honorific and surname, and the office alone into one person', () => {
    const all = persons(text);
    const kurbanov = all.find((p) => p.surname === 'Kurbanov')!;
    expect(all.filter((p) => p.surname === 'Kurbanov')).toHaveLength(1);
    expect(kurbanov.name).toBe('Bakhodir Kurbanov');
    expect(kurbanov.role).toBe('Defence Minister of Uzbekistan');
    expect(kurbanov.state).toBe('UZB');
    // "the defence minister" in the last sentence is him, named by office alone.
    expect(kurbanov.mentions.map((m) => m.reference === true)).toEqual([false, false, true]);
  });

  it('seats both heads, each with their state, and names them in the title', () => {
    const [m] = extract(text);
    expect(brief(m!.people)).toEqual(['Bakhodir Kurbanov/UZB', 'Ruslan Mukambetov/KGZ']);
    expect(m!.title).toBe('Kurbanov–Mukambetov talks');
    const evidence = m!.people[0]!.evidence;
    expect(text.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    expect(evidence.quote).toBe('Defence Minister of Uzbekistan Dr Bakhodir Kurbanov');
  });

  it('keeps two people who share a surname apart by their given names', () => {
    const all = persons('Prime Minister Aliya Rahimova met army chief General Timur Rahimova in Dushanbe on Monday. Rahimova said the talks went well.');
    expect(all.map((p) => p.name).sort()).toEqual(['Aliya Rahimova', 'Timur Rahimova']);
    expect(all.every((p) => p.shortName === p.name)).toBe(true);
  });

  it('takes a family name said first as the same person ("General Li" after "General Li Weimin")', () => {
    const all = persons('Vice Chairman of the Central Military Commission of China General Li Weimin met Pakistan’s army chief in Beijing. General Li praised the ties.');
    const li = all.filter((p) => p.name.startsWith('Li'));
    expect(li).toHaveLength(1);
    expect(li[0]!.state).toBe('CHN');
    expect(li[0]!.shortName).toBe('Li');
  });
});

describe('named but not at the table', () => {
  const text = [
    'ISLAMABAD: Pakistan’s Interior Minister Asad Karimi held talks with Iran’s Deputy Interior Minister Majid Farahani in Islamabad on Thursday.',
    'Karimi conveyed the greetings of President Nadia Qureshi to the Iranian leadership during the meeting.',
    'The talks came weeks after the raid that killed militant commander Jalal Uddin Barakzai near the border, the meeting was told.',
    'Foreign Office spokesperson Sana Mirza said the meeting was productive.',
    'An Islamabad-based analyst, Tariq Nadeem, told reporters the talks were overdue.',
  ].join('\n\n');

  it('leaves out the spokesperson, the analyst, the leader greeted in absentia and the man killed', () => {
    const [m] = extract(text);
    expect(brief(m!.people)).toEqual(['Asad Karimi/PAK', 'Majid Farahani/IRN']);
    expect(m!.title).toBe('Karimi–Farahani talks');
  });

  it('still finds them as people of the article', () => {
    const names = persons(text).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Sana Mirza', 'Tariq Nadeem', 'Nadia Qureshi']));
    expect(persons(text).find((p) => p.name === 'Tariq Nadeem')!.commentator).toBe(true);
  });
});

describe('states from the text around the name', () => {
  it('the other side of a two-state meeting, from "X and his <demonym> counterpart Y"', () => {
    const [m] = extract(
      'KABUL: Pakistan and Afghanistan agreed to curb cross-border attacks. The pledge came at a meeting between Interior Minister Asad Karimi and his Afghan counterpart Rahmatullah Noori in Kabul on Sunday.',
    );
    expect(m!.participants.sort()).toEqual(['AFG', 'PAK']);
    expect(brief(m!.people)).toEqual(['Asad Karimi/PAK', 'Rahmatullah Noori/AFG']);
    expect(m!.people[1]!.role).toBe('counterpart');
    expect(m!.why).toContain('person: Asad Karimi is PAK (counterpart)');
  });

  it('the delegation a person heads ("The delegation of Tajikistan was headed by ...")', () => {
    const [m] = extract(
      'DUSHANBE: The fourth meeting of the Tajik-Kazakh working group on combating terrorism was held in Dushanbe on March 5. The delegation of Tajikistan was headed by Deputy Foreign Minister Farrukh Nazarov and the Kazakh delegation was led by Ambassador Serik Abenov.',
    );
    expect(brief(m!.people)).toEqual(['Farrukh Nazarov/TJK', 'Serik Abenov/KAZ']);
  });

  it('a list of names after a titled head is the delegation', () => {
    const all = persons('The Taliban delegation was led by Mullah Abdul Karim Haqmal, accompanied by Noorullah Sahak, Abdul Wali Stanikzai and Hamid Gul Zadran.');
    expect(all.map((p) => p.name)).toEqual(['Abdul Karim Haqmal', 'Noorullah Sahak', 'Abdul Wali Stanikzai', 'Hamid Gul Zadran']);
  });
});

describe('people of several reports of one meeting', () => {
  const span = { file: 'a.txt', start: 0, end: 1, quote: 'x' };
  it('merges by surname and state, keeping the fullest name and filling what one report lacks', () => {
    const a: Person[] = [{ name: 'Naqvi', role: null, state: 'PAK', organization: null, evidence: span }];
    const b: Person[] = [
      { name: 'Mohsin Naqvi', role: 'Interior Minister', state: null, organization: null, evidence: span },
      { name: 'Khurram Agha', role: null, state: null, organization: null, evidence: span },
    ];
    expect(mergePeople([a, b]).map((p) => [p.name, p.role, p.state])).toEqual([
      ['Mohsin Naqvi', 'Interior Minister', 'PAK'],
      ['Khurram Agha', null, null],
    ]);
  });

  it('keys a name by its surname without case or diacritics', () => {
    expect(nameKey('Emomali Rahmón')).toBe(nameKey('RAHMON'));
  });
});

describe('data/person-words.json', () => {
  it('is checked at the edge: a bad field names the file and the field', () => {
    const json = JSON.parse(readFileSync(PERSON_WORDS_FILE, 'utf8'));
    expect(() => parsePersonWords({ ...json, honorifics: 'Dr' })).toThrow(/data\/person-words\.json is not valid:\n\s+honorifics/);
    expect(() => parsePersonWords({ ...json, offices: ['Minister'] })).toThrow(/offices/);
  });
});
