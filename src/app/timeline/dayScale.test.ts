import { scaleUtc } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { calendarTickLabel, dayScale } from './dayScale';
import { dayFromIso } from '../time/days';

const day = (iso: string) => dayFromIso(iso)!;

describe('dayScale', () => {
  const from = day('2020-01-01');
  const to = day('2025-12-31') + 1;
  const scale = dayScale(from, to, [14, 986]);

  it('maps the domain onto the range and back', () => {
    expect(scale.x(from)).toBe(14);
    expect(scale.x(to)).toBe(986);
    expect(scale.day(scale.x(day('2023-07-04')))).toBeCloseTo(day('2023-07-04'), 9);
    expect(scale(new Date('2023-07-04T00:00:00Z'))).toBeCloseTo(scale.x(day('2023-07-04')), 9);
  });

  // d3-scale stays a dev dependency for this test only: the slider must look as it did with scaleUtc.
  it('places and labels ticks as d3 scaleUtc does', () => {
    for (const [a, b, width] of [['2020-01-01', '2025-12-31', 972], ['2024-03-01', '2024-05-20', 600], ['2025-07-01', '2025-07-09', 300], ['1995-01-01', '2025-12-31', 1200]] as const) {
      const start = day(a);
      const end = day(b) + 1;
      const ours = dayScale(start, end, [14, 14 + width]);
      const d3 = scaleUtc().domain([new Date(start * 864e5), new Date(end * 864e5)]).range([14, 14 + width]);
      const n = Math.floor(width / 90);
      expect(ours.ticks(n).map(Number)).toEqual(d3.ticks(n).map(Number));
      const format = d3.tickFormat();
      expect(ours.ticks(n).map(ours.tickFormat())).toEqual(d3.ticks(n).map(format));
      for (const t of d3.ticks(n)) expect(ours(t)).toBeCloseTo(d3(t), 9);
    }
  });

  it('names the coarsest unit a tick starts', () => {
    expect(calendarTickLabel(new Date('2025-01-01T00:00:00Z'))).toBe('2025');
    expect(calendarTickLabel(new Date('2025-03-01T00:00:00Z'))).toBe('March');
    expect(calendarTickLabel(new Date('2025-03-09T00:00:00Z'))).toBe('Mar 09');
    expect(calendarTickLabel(new Date('2025-03-04T00:00:00Z'))).toBe('Tue 04');
    expect(calendarTickLabel(new Date('2025-03-04T06:00:00Z'))).toBe('06 AM');
  });

  it('keeps an empty domain on the range instead of dividing by zero', () => {
    const flat = dayScale(from, from, [0, 100]);
    expect(flat.x(from)).toBe(50);
    expect(Number.isFinite(flat.day(30))).toBe(true);
  });
});
