import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPublicationDate } from './published';
import { segmentFile } from './segment';

const seedsDir = new URL('../../../seeds/', import.meta.url);
const seed = (prefix: string) => readFileSync(new URL(readdirSync(seedsDir).find((f) => f.startsWith(prefix))!, seedsDir), 'utf8');

describe('publication dates of the seeds', () => {
  it.each([
    ['001_', '2014-06-26', 'June 26, 2014'],
    ['002_', '2025-07-20', 'Sun Jul 20 2025'],
    ['003_', '2024-05-14', '14 May 2024 - 15:07'],
    ['004_', '2024-01-16', 'January 16th, 2024'],
  ])('%s → %s', (prefix, date, words) => {
    const text = seed(prefix);
    const found = findPublicationDate(text);
    expect(found?.date).toBe(date);
    expect(found?.span.text).toBe(words);
    expect(text.slice(found!.span.start, found!.span.end)).toBe(words);
  });
  it('000 prints no date: both its articles stay unknown', () => {
    const text = seed('000_');
    expect(findPublicationDate(text)).toBeNull();
    expect(segmentFile(text).map((s) => findPublicationDate(text, s))).toEqual([null, null]);
  });
  it('004: the dates of other stories in the link list ("Updated 16 May, 2024") are never taken', () => {
    const text = seed('004_');
    const withoutFooter = text.replace('Published in Dawn, January 16th, 2024', 'Published in Dawn');
    expect(findPublicationDate(withoutFooter)).toBeNull();
  });
});

describe('publication date forms', () => {
  const page = (header: string, body = 'KABUL: Officials met on Monday to discuss border security and trade.') => `Talks on border security held in Kabul\n${header}\n${body}\n`;
  it.each([
    ['Wednesday Jun 07, 2023', '2023-06-07'],
    ['February 03, 2023, 10:52', '2023-02-03'],
    ['31.01.2019', '2019-01-31'],
    ['  • publish: 3 October 2019', '2019-10-03'],
    ['by AP - 07/25/23 9:18 AM ET', '2023-07-25'],
    ['14/04/2023', '2023-04-14'],
    ['Publish dateTuesday 14 May 2024 - 15:07', '2024-05-14'],
  ])('header line "%s" → %s', (header, date) => {
    expect(findPublicationDate(page(header))?.date).toBe(date);
  });
  it('a dateline carrying the date: "DUSHANBE, 31.01.2019. (NIAT Khovar) –"', () => {
    const text = page('', 'DUSHANBE, 31.01.2019. (NIAT Khovar) – The envoy said the talks would go on.');
    const found = findPublicationDate(text);
    expect(found?.date).toBe('2019-01-31');
    expect(found?.span.text).toBe('31.01.2019');
  });
  it('dates in body sentences are events, not the publication date', () => {
    expect(findPublicationDate(page('', 'ISLAMABAD: The talks were held on June 26, 2014 in Islamabad.'))).toBeNull();
    expect(findPublicationDate(page('On May 27, 2022, a fourth round of consultations on Afghanistan was held in Dushanbe'))).toBeNull();
  });
  it('dates in comments are not the publication date', () => {
    expect(findPublicationDate(`${page('')}COMMENTS (1)\nAli | June 27, 2014 | Reply\n`)).toBeNull();
  });
  it('the header date wins over a later one', () => {
    expect(findPublicationDate(`${page('June 26, 2014')}Published in Dawn, June 27th, 2014\n`)?.date).toBe('2014-06-26');
  });
});
