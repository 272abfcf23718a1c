import { describe, expect, it } from 'vitest';
import { findOrganizationMentions, findStatesAndOrganizations } from './organizations';

const names = (text: string) => findOrganizationMentions(text).map((m) => `${m.text}:${m.name}`);

describe('findOrganizationMentions', () => {
  it('knows the TTP under its spellings, not as the Taliban', () => {
    expect(names('the proscribed Tehreek-e-Taliban Pakistan (TTP)')).toEqual(['Tehreek-e-Taliban Pakistan:TTP', 'TTP:TTP']);
    expect(names('The banned Tehreek-i-Taliban Pakistan; Tehrik-i-Taliban; the Pakistani Taliban')).toEqual([
      'Tehreek-i-Taliban Pakistan:TTP',
      'Tehrik-i-Taliban:TTP',
      'Pakistani Taliban:TTP',
    ]);
  });

  it('tells the Islamic State’s Khorasan branch from the Islamic State', () => {
    expect(names('Islamic State Khorasan Province (ISKP) and ISIS-K')).toEqual(['Islamic State Khorasan Province:ISKP', 'ISKP:ISKP', 'ISIS-K:ISKP']);
    expect(names('the Khorasan branch of the Islamic State (ISIS), known as ISIS-Khorasan')).toEqual([
      'Khorasan branch of the Islamic State:ISKP',
      'ISIS:ISIS',
      'ISIS-Khorasan:ISKP',
    ]);
    expect(names('where Daesh Khawarij entered; the Islamic State; ISIL militants')).toEqual(['Daesh:ISIS', 'Islamic State:ISIS', 'ISIL:ISIS']);
  });

  it('knows the Taliban, Al-Qaeda, NATO and the UN', () => {
    expect(names('the Islamic Emirate and the Afghan Taliban; Al Qaeda’s presence; al-Qaida; Al-Qaeda')).toEqual([
      'Islamic Emirate:Taliban',
      'Taliban:Taliban',
      'Al Qaeda:Al-Qaeda',
      'al-Qaida:Al-Qaeda',
      'Al-Qaeda:Al-Qaeda',
    ]);
    expect(names('all NATO troops; the United Nations Security Council; UN envoy')).toEqual([
      'NATO:NATO',
      'United Nations Security Council:UN',
      'UN:UN',
    ]);
  });

  it('does not read ordinary words as organisations', () => {
    expect(names('Sirajuddin Haqqani told us that this kind of unity matters')).toEqual([]);
  });

  it('gives exact spans', () => {
    const text = 'ties to the Afghan Taliban and the Haqqani Network';
    for (const m of findOrganizationMentions(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('findStatesAndOrganizations', () => {
  it('drops the state inside an organisation name and keeps the rest', () => {
    const { states, organizations } = findStatesAndOrganizations(
      'Pakistan and the United States will counter the Tehreek-e-Taliban Pakistan and the Islamic Movement of Uzbekistan.',
    );
    expect(states.map((s) => s.iso3[0])).toEqual(['PAK', 'USA']);
    expect(organizations.map((o) => o.name)).toEqual(['TTP', 'IMU']);
  });
});
