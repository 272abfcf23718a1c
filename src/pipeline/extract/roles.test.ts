import { describe, expect, it } from 'vitest';
import type { TextSpan } from '../contracts';
import { findStatesAndOrganizations } from '../states/organizations';
import { readFileSync } from 'node:fs';
import { parseLexicon } from './lexicon';

/** The project's own meeting vocabulary, as the build reads it. */
const lex = parseLexicon(JSON.parse(readFileSync(new URL('../../../data/meeting-words.json', import.meta.url), 'utf8')));
import { attendance, hostStates, nameAfter, officialsByName, stateRoles } from './roles';

function analyse(text: string) {
  const sentence: TextSpan = { start: 0, end: text.length, text };
  const { states } = findStatesAndOrganizations(text);
  const roles = stateRoles(sentence, states, lex);
  const byRole = (role: string) => [...new Set(states.filter((m) => roles.get(m) === role).flatMap((m) => m.iso3))].sort();
  return { sentence, states, roles, participants: byRole('participant'), topics: byRole('topic') };
}

describe('stateRoles', () => {
  it('tells parties from topics', () => {
    expect(analyse('Ambassador Qomi held talks with his Pakistani counterpart on the situation in Afghanistan.')).toMatchObject({ participants: ['PAK'], topics: ['AFG'] });
    expect(analyse('In their talks in Washington on Friday, Pakistani and American officials emphasized cooperation.').participants).toEqual(['PAK', 'USA']);
    expect(analyse('He stressed security for Chinese workers and Pakistan’s sovereignty.').participants).toEqual([]);
    expect(analyse('the Pakistan-China-Iran Trilateral Consultation on counter-terrorism').participants).toEqual(['CHN', 'IRN', 'PAK']);
    expect(analyse('effective management of the Pakistan-Afghanistan border').participants).toEqual([]);
    expect(analyse('NSAs of Iran, Russia and Uzbekistan have confirmed their participation').participants).toEqual(['IRN', 'RUS', 'UZB']);
    expect(analyse('Mr Jilani underscored commitment to a peaceful and stable Afghanistan.').participants).toEqual([]);
  });
});

describe('attendance', () => {
  it('reads absentees by clause: "had not attended ... but China did participate"', () => {
    const a = analyse('Pakistan had not attended any of them but China did participate.');
    const facts = attendance(a.sentence, a.states, a.roles);
    expect([...facts.absent]).toEqual(['PAK']);
    expect([...facts.present]).toEqual(['CHN']);
  });
  it('"No representatives from ... — India, Iran, China and Russia — were present"', () => {
    const a = analyse("No representatives from Afghanistan's major neighbors — India, Iran, China and Russia — were present during the meeting.");
    expect([...attendance(a.sentence, a.states, a.roles).absent].sort()).toEqual(['CHN', 'IND', 'IRN', 'RUS']);
  });
  it('the host of a meeting a state skips is not absent', () => {
    const a = analyse('China has said it will not attend the regional security dialogue hosted by India on November 10.');
    expect([...attendance(a.sentence, a.states, a.roles).absent]).toEqual(['CHN']);
    expect([...hostStates(a.sentence, a.states, a.roles)]).toEqual(['IND']);
  });
});

describe('officials by name', () => {
  it('links a surname to the state named with the title', () => {
    const text = 'Caretaker Foreign Minister Jalil Abbas Jilani, while talking to Iran’s Special Representative for Afghanistan Affairs Hassan Kazmi Qomi, said so.';
    const { states } = findStatesAndOrganizations(text);
    expect(officialsByName([{ start: 0, end: text.length, text, states }], lex)).toEqual(new Map([['Qomi', 'IRN']]));
  });
  it('stops at the second person and skips bracketed titles', () => {
    expect(nameAfter(' Dr Rangin Dadfar Spanta and Adviser to the Prime Minister Sartaj Aziz', new Set(), lex, true)).toBe('Spanta');
    expect(nameAfter(' side was represented by Director General (Counter-Terrorism) at the Ministry of Foreign Affairs Abdul Hameed, the', new Set(), lex)).toBe('Hameed');
  });
});
