import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOrganizationMentions } from '../states/organizations';
import { findStateMentions } from '../states/states';
import { loadGazetteer } from './gazetteer';
import { findPlaceMentions } from './mentions';

const gazetteer = loadGazetteer();
const SEEDS = new URL('../../../seeds/', import.meta.url);

/** "text→id", with the way it was found when not a plain gazetteer name. */
function brief(text: string, hints?: { countryIso3: string[] }): string[] {
  return findPlaceMentions(text, gazetteer, hints).map((m) => `${m.text}→${m.place.id}${m.via === 'gazetteer' ? '' : ` (${m.via})`}`);
}

describe('findPlaceMentions in the seeds', () => {
  // Every place named in each whole seed file, in order: nothing else (no "Reply", "Opinion",
  // "Both", "Ali", "Prime", "Dar", "Hassan" in the clutter or the bylines).
  const expected: Record<string, string[]> = {
    '000_40685300e417c72f.txt': ['KABUL→kabul', 'Kabul→kabul', 'Kabul→kabul', 'Washington→washington (alias)', 'Doha→doha', 'Kabul→kabul', 'Kabul→kabul', 'Kabul→kabul', 'Beijing→beijing', 'ISLAMABAD→islamabad', 'Islamabad→islamabad', 'Islamabad→islamabad', 'Islamabad→islamabad', 'Beijing→beijing'],
    '001_23dceeea55d0c61d.txt': ['ISLAMABAD→islamabad', 'Islamabad→islamabad', 'Islamabad→islamabad'],
    '002_caf760d692886a80.txt': ['Kabul→kabul', 'KABUL→kabul', 'Kabul→kabul', 'Islamabad→islamabad', 'Islamabad→islamabad', 'Kabul→kabul', 'Kabul→kabul', 'Kabul→kabul'],
    '003_4e5b59cd0f3baa04.txt': ['Washington→washington (alias)', 'Islamabad→islamabad', 'Washington→washington (alias)'],
    '004_51775dee696ea5f7.txt': ['ISLAMABAD→islamabad', 'Kerman→kerman', 'Kazan→kazan', 'Dubai→dubai', 'Dubai→dubai'],
  };
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

  it('covers every seed', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  for (const file of files) {
    it(`finds exactly the places of ${file}`, () => {
      const text = readFileSync(new URL(file, SEEDS), 'utf8');
      const mentions = findPlaceMentions(text, gazetteer);
      expect(brief(text)).toEqual(expected[file]);
      for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    });
  }
});

describe('findPlaceMentions', () => {
  it('finds multi-word and hyphenated names', () => {
    expect(brief('Talks in New Delhi, Washington, D.C. and Cholpon-Ata; later in Nur-Sultan.')).toEqual([
      'New Delhi→new-delhi',
      'Washington, D.C.→washington',
      'Cholpon-Ata→cholpon-ata',
      'Nur-Sultan→astana (alias)',
    ]);
  });

  it('finds landmarks as places of their own or as their host city', () => {
    expect(brief('secret meetings set to take place Sunday at Camp David; troops left Bagram Air Base; talks at the White House')).toEqual([
      'Camp David→camp-david (landmark)',
      'Bagram Air Base→bagram-air-base (landmark)',
      'White House→washington (landmark)',
    ]);
    expect(brief('The talks in Murree were the first.')).toEqual(['Murree→murree (landmark)']);
  });

  it('needs size, a capital or the context for a bare town name', () => {
    // Kazan (1.1M) alone is Russia's; Samarkand 319k; Cholpon-Ata is two words.
    expect(brief('The meeting in Kazan and later in Samarkand.')).toEqual(['Kazan→kazan', 'Samarkand→samarkand']);
    // Chaman (88k) counts when the text is about Pakistan, not otherwise.
    expect(brief('Trade resumed at Chaman on Monday.')).toEqual([]);
    expect(brief('Trade resumed at Chaman on Monday.', { countryIso3: ['PAK'] })).toEqual(['Chaman→chaman']);
    expect(brief('Pakistan reopened the crossing at Chaman on Monday.')).toEqual(['Chaman→chaman']);
  });

  it('does not take people, titles and ordinary words for towns', () => {
    expect(brief('Russian President Vladimir Putin spoke to Hassan Kazmi Qomi. Reply | Opinion | Both sides | Prime Minister | Dar said | Ali Khan')).toEqual([]);
    expect(brief('the Pakistan-Afghanistan joint Chamber of Commerce and Industry')).toEqual([]);
  });

  it('does not take newspapers for places', () => {
    expect(brief('the Washington Post and the Tehran Times reported from Kabul')).toEqual(['Kabul→kabul']);
  });

  it('keeps a place followed by a word that names something there', () => {
    expect(brief('As a result of the meeting, the Samarkand Declaration was adopted.')).toEqual(['Samarkand→samarkand']);
  });

  it('does not find places inside state names, demonyms or organisation names', () => {
    // "Indian", "China" and "Georgia" are also towns in the gazetteer.
    expect(brief('Indian and Chinese officials met in Georgia and China.')).toEqual([]);
    expect(brief('the Islamic State Khorasan Province claimed it')).toEqual([]);
  });

  it('takes the same states and organisations from the caller as it finds itself', () => {
    const text = 'Pakistani officials met in Islamabad and Kazan; the Tehreek-e-Taliban Pakistan was discussed.';
    const organizations = findOrganizationMentions(text);
    const states = findStateMentions(text, { excludeSpans: organizations });
    expect(findPlaceMentions(text, gazetteer, undefined, { states, organizations })).toEqual(findPlaceMentions(text, gazetteer));
  });
});
