import { describe, expect, it } from 'vitest';
import { capitalTooltip, linkTooltip, venueTooltip } from './mapTooltip';

describe('tooltip texts', () => {
  it('names a venue with its meetings, and says when it is a capital', () => {
    expect(venueTooltip('Kazan', 1, null)).toEqual({ title: 'Kazan', lines: ['1 meeting here in the time window'] });
    expect(venueTooltip('Kabul', 4, 'Afghanistan').lines).toEqual(['Capital of Afghanistan', '4 meetings here in the time window']);
  });
  it('names a capital with its state and the meetings it attended', () => {
    const t = capitalTooltip('Tehran', 'Iran', 2);
    expect(t.title).toBe('Tehran (Iran)');
    expect(t.lines[0]).toBe('Capital of Iran: 2 meetings in the time window');
  });
  it('lists a few meetings along a link and counts the rest', () => {
    const meetings = [1, 2, 3, 4, 5].map((i) => ({ title: `Talks ${i}`, date: `${i} July 2025` }));
    const t = linkTooltip('Iran', 'Islamabad', meetings);
    expect(t.title).toBe('Iran → Islamabad');
    expect(t.lines).toEqual(['Talks 1, 1 July 2025', 'Talks 2, 2 July 2025', 'Talks 3, 3 July 2025', 'and 2 more meetings']);
  });
});
