import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, meetingsToCsv, parseCsv } from './csv';
import { fixtureDataset, fixtureMeetings } from './fixture';

describe('meetingsToCsv', () => {
  const csv = meetingsToCsv(fixtureMeetings('m1', 'm2', 'm3', 'm4', 'm5'), fixtureDataset);
  const rows = parseCsv(csv);

  it('writes a header and one row per meeting, every row as wide as the header', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('fills venue, country and coordinates from the gazetteer place', () => {
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row).toMatchObject({
      id: 'm1',
      title: 'Trilateral talks, "railway" and security',
      date_start: '2025-07-17',
      date_end: '2025-07-17',
      date_precision: 'day',
      venue: 'Kabul',
      country: 'AFG',
      lat: '34.52813',
      lon: '69.17233',
      participants: 'AFG; PAK; UZB',
      absent: '',
      people: 'Mohsin Naqvi (Interior Minister, PAK); Sirajuddin Haqqani (AFG); Jane Roe (Special Envoy, UN)',
      status: 'held',
      sources: 'Dawn, 21 July 2025, https://www.dawn.com/news/1; b.txt',
    });
  });

  it('quotes commas and quotes (RFC 4180)', () => {
    expect(csv).toContain('"Trilateral talks, ""railway"" and security"');
  });

  it('guards a title that a spreadsheet would run as a formula', () => {
    expect(rows[3]![1]).toBe("'=cmd|calc");
  });

  it('leaves venue and coordinates empty for a call and dates empty when undated', () => {
    expect(rows[4]!.slice(5, 9)).toEqual(['', '', '', '']);
    expect(rows[4]![CSV_COLUMNS.indexOf('people')]).toBe(''); // no one named at this table
    expect(rows[5]!.slice(2, 5)).toEqual(['', '', 'unknown']);
    expect(rows[3]![8]).toBe('-77.03637'); // negative numbers are not "formulas"
  });

  it('writes only the header for no meetings', () => {
    expect(parseCsv(meetingsToCsv([], fixtureDataset))).toEqual([[...CSV_COLUMNS]]);
  });
});
