import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseDataFile } from './dataFile';
import { findOrganizationMentions } from './organizations';
import { findStateMentions } from './states';

const SEEDS = new URL('../../../seeds/', import.meta.url);
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (name: string) => readFileSync(new URL(name, SEEDS), 'utf8');

/** "text:ISO3+ISO3:via" for compact assertions. */
function brief(text: string): string[] {
  return findStateMentions(text).map((m) => `${m.text}:${m.iso3.join('+')}:${m.via}`);
}

describe('findStateMentions on seed sentences', () => {
  it('finds a possessive and a list of states', () => {
    expect(brief('No representatives from Afghanistan\'s major neighbors — India, Iran, China and Russia — were present during the meeting.')).toEqual([
      "Afghanistan's:AFG:possessive",
      'India:IND:name',
      'Iran:IRN:name',
      'China:CHN:name',
      'Russia:RUS:name',
    ]);
  });

  it('finds demonyms', () => {
    expect(brief('In their talks in Washington on Friday, Pakistani and American officials emphasized')).toEqual([
      'Pakistani:PAK:demonym',
      'American:USA:demonym',
    ]);
    expect(brief('a meeting with his Afghan counterpart Sirajuddin Haqqani')).toEqual(['Afghan:AFG:demonym']);
    expect(brief('Afghans, Uzbeks, Tajiks and Kazakhs met Kyrgyz and Turkmen officials')).toEqual([
      'Afghans:AFG:demonym',
      'Uzbeks:UZB:demonym',
      'Tajiks:TJK:demonym',
      'Kazakhs:KAZ:demonym',
      'Kyrgyz:KGZ:demonym',
      'Turkmen:TKM:demonym',
    ]);
  });

  it('reads a curly-apostrophe possessive', () => {
    const text = 'during a meeting with China’s ambassador in Islamabad.';
    const [m] = findStateMentions(text);
    expect(m).toMatchObject({ text: 'China’s', iso3: ['CHN'], via: 'possessive' });
    expect(text.slice(m!.start, m!.end)).toBe('China’s');
  });

  it('expands "five Central Asian countries" as a group with its source', () => {
    const [m] = findStateMentions('representatives from the US, Pakistan, Afghanistan, and five Central Asian countries').slice(-1);
    expect(m).toMatchObject({ text: 'five Central Asian countries', via: 'group', iso3: ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'] });
    expect(m!.group?.name).toBe('Central Asian states');
    expect(m!.group?.source).toMatch(/M49/);
  });

  it('expands the Moscow Format and the neighbours of Afghanistan', () => {
    const text = 'At the fifth Moscow Format Consultations on Afghanistan hosted by Russia last September. Afghanistan’s neighbouring countries have a key role.';
    const groups = findStateMentions(text).filter((m) => m.via === 'group');
    expect(groups.map((g) => g.text)).toEqual(['Moscow Format', 'Afghanistan’s neighbouring countries']);
    expect(groups[0]!.iso3).toEqual(['RUS', 'CHN', 'PAK', 'IRN', 'IND', 'AFG', 'KAZ', 'KGZ', 'TJK', 'TKM', 'UZB']);
    expect(groups[1]!.iso3).toEqual(['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']);
    expect(brief('the 4th foreign ministers meeting among the neighboring countries of Afghanistan was held')).toEqual([
      'neighboring countries of Afghanistan:CHN+IRN+PAK+TJK+TKM+UZB:group',
    ]);
  });

  it('splits hyphenated compounds into their states', () => {
    expect(brief('the China-Pakistan Economic Corridor (CPEC) and the Pakistan-Afghanistan border')).toEqual([
      'China:CHN:name',
      'Pakistan:PAK:name',
      'Pakistan:PAK:name',
      'Afghanistan:AFG:name',
    ]);
    expect(brief('the Uzbekistan-Afghanistan-Pakistan (UAP) Railway Project')).toEqual(['Uzbekistan:UZB:name', 'Afghanistan:AFG:name', 'Pakistan:PAK:name']);
    expect(brief('“Sino-Pakistan offer to include Afghanistan” and Indo-Pak ties')).toEqual([
      'Sino:CHN:name',
      'Pakistan:PAK:name',
      'Afghanistan:AFG:name',
      'Indo:IND:name',
      'Pak:PAK:name',
    ]);
    expect(brief('Sino relations')).toEqual([]);
  });

  it('knows "US" only in upper case and "U.S." with its dot', () => {
    expect(brief('if you do not side with us in this campaign')).toEqual([]);
    expect(brief('the new US administration; a U.S. soldier died')).toEqual(['US:USA:name', 'U.S.:USA:name']);
    expect(brief('America and Pakistan agree; the UK, UAE and PRC')).toEqual(['America:USA:name', 'Pakistan:PAK:name', 'UK:GBR:name', 'UAE:ARE:name', 'PRC:CHN:name']);
  });

  it('skips phrases that only look like states', () => {
    expect(brief('the Indian Ocean and the Chinese New Year; Arab News reported')).toEqual([]);
    expect(brief('Indian and Chinese officials')).toEqual(['Indian:IND:demonym', 'Chinese:CHN:demonym']);
  });

  it('keeps "Afghan" in "Afghan Taliban" and knows Turkey under both names', () => {
    expect(brief('ties to the Afghan Taliban')).toEqual(['Afghan:AFG:demonym']);
    expect(brief('Türkiye, Turkey and Turkish diplomats')).toEqual(['Türkiye:TUR:name', 'Turkey:TUR:name', 'Turkish:TUR:demonym']);
  });

  it('reads capitals as governments only where they act, not where something happens', () => {
    expect(brief('Washington and Islamabad issued a joint statement on Monday')).toEqual([
      'Washington:USA:capital-metonym',
      'Islamabad:PAK:capital-metonym',
    ]);
    expect(brief('Chinese envoy reaffirms Beijing’s support')).toEqual(['Chinese:CHN:demonym', 'Beijing:CHN:capital-metonym']);
    expect(brief('widely regarded by Islamabad as central')).toEqual(['Islamabad:PAK:capital-metonym']);
    expect(brief('In their talks in Washington on Friday')).toEqual([]);
    expect(brief('officials met in Kabul, Islamabad and Beijing')).toEqual([]);
    expect(brief('held today at the Chinese capital Beijing')).toEqual(['Chinese:CHN:demonym']);
    expect(brief('in the Qatari capital of Doha')).toEqual(['Qatari:QAT:demonym']);
    expect(brief('An Islamabad-based analyst said')).toEqual([]);
    expect(brief('KABUL: Officials said')).toEqual([]);
    expect(brief('the accord signed at Doha, Qatar, in February')).toEqual(['Qatar:QAT:name']);
    expect(brief('the Washington Post reported')).toEqual([]);
  });

  it('leaves out states inside organisation names but keeps a group that is the whole organisation', () => {
    const text = 'the activities of the proscribed Tehreek-e-Taliban Pakistan (TTP) and the SCO summit';
    const orgs = findOrganizationMentions(text);
    expect(orgs.map((o) => o.name)).toEqual(['TTP', 'TTP', 'SCO']);
    expect(findStateMentions(text).some((m) => m.text === 'Pakistan')).toBe(true);
    const states = findStateMentions(text, { excludeSpans: orgs });
    expect(states.map((m) => `${m.text}:${m.via}`)).toEqual(['SCO:group']);
  });

  it('returns exact spans, sorted and never overlapping, on every seed', () => {
    for (const file of seedFiles) {
      const text = seed(file);
      const mentions = findStateMentions(text);
      expect(mentions.length).toBeGreaterThan(5);
      mentions.forEach((m, i) => {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        if (i > 0) expect(m.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
      });
    }
  });

  it('finds no state that a seed does not name', () => {
    const named = new Set(seedFiles.flatMap((f) => findStateMentions(seed(f)).flatMap((m) => (m.via === 'group' ? [] : m.iso3))));
    expect([...named].sort()).toEqual(['AFG', 'AZE', 'CHN', 'IND', 'IRN', 'PAK', 'QAT', 'RUS', 'USA', 'UZB']);
  });
});

describe('data file errors', () => {
  it('name the file and the JSON path of the bad field', () => {
    const schema = z.object({ groups: z.array(z.object({ members: z.array(z.string().check(z.regex(/^[A-Z]{3}$/))) })) });
    expect(() => parseDataFile('data/state-groups.json', { groups: [{ members: ['PAK', 'pk'] }] }, schema)).toThrow(
      /data\/state-groups\.json is not valid:\n {2}groups\.0\.members\.1: /,
    );
  });
});
