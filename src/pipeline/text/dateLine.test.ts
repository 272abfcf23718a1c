import { describe, expect, it } from 'vitest';
import { readDateLine, readNumericDate } from './dateLine';

describe('date lines', () => {
  it.each([
    ['Tahir Khan June 26, 2014', '2014-06-26', 'June 26, 2014'],
    ['Sun Jul 20 2025', '2025-07-20', 'Sun Jul 20 2025'],
    ['Publish dateTuesday 14 May 2024 - 15:07', '2024-05-14', '14 May 2024 - 15:07'],
    ['Published in Dawn, January 16th, 2024', '2024-01-16', 'January 16th, 2024'],
    ['Wednesday Jun 07, 2023', '2023-06-07', 'Wednesday Jun 07, 2023'],
    ['February 03, 2023, 10:52', '2023-02-03', 'February 03, 2023, 10:52'],
    ['31.01.2019', '2019-01-31', '31.01.2019'],
    ['• publish: 3 October 2019', '2019-10-03', '3 October 2019'],
    ['by AP - 07/25/23 9:18 AM ET', '2023-07-25', '07/25/23'],
    ['14/04/2023', '2023-04-14', '14/04/2023'],
  ])('%s → %s', (line, date, words) => {
    const found = readDateLine(line);
    expect(found?.date).toBe(date);
    expect(line.slice(found!.index, found!.index + found!.length)).toBe(words);
  });
  it('a sentence that contains a date is no date line', () => {
    expect(readDateLine('On May 27, 2022, a fourth round of multilateral consultations on Afghanistan between top security officials was held in Dushanbe')).toBeNull();
    expect(readDateLine('The officials met on June 26, 2014 in Islamabad to discuss the border and trade.')).toBeNull();
  });
  it('numeric dates: the day is the number over 12; otherwise dots are D.M.Y, slashes with two-digit years M/D/Y, with four D/M/Y', () => {
    expect(readNumericDate('25/07/2023')?.date).toBe('2023-07-25');
    expect(readNumericDate('07/25/2023')?.date).toBe('2023-07-25');
    expect(readNumericDate('03.04.2019')?.date).toBe('2019-04-03');
    expect(readNumericDate('03/04/23')?.date).toBe('2023-03-04');
    expect(readNumericDate('03/04/2023')?.date).toBe('2023-04-03');
    expect(readNumericDate('2023-07-25')?.date).toBe('2023-07-25');
  });
  it('impossible or partial dates are not read', () => {
    expect(readDateLine('February 30, 2024')).toBeNull();
    expect(readDateLine('31.02.2019')).toBeNull();
    expect(readDateLine('31 января, 2019 11:27')).toBeNull();
    expect(readDateLine('Story Code : 290374')).toBeNull();
    expect(readDateLine('3.5 million')).toBeNull();
  });
});
