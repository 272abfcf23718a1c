import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type LabelCandidate } from './labelPlacement';

const venue = (id: string, x: number, y: number, priority = 1): LabelCandidate => ({ id, x, y, r: 5, width: 60, height: 14, priority });

describe('placeLabels', () => {
  it('puts a lone label to the right of its dot', () => {
    expect(placeLabels([venue('kabul', 100, 100)]).get('kabul')).toBe('right');
  });

  it('moves the second label away when two dots are close (Kabul and Islamabad at world zoom)', () => {
    // Islamabad lies about 11 px east and 2 px south of Kabul at zoom 1.
    const sides = placeLabels([venue('kabul', 100, 100, 4), venue('islamabad', 111, 102, 2)]);
    expect(sides.get('kabul')).not.toBe('right'); // its right side is Islamabad's dot
    const placed = [...sides.entries()].filter(([, s]) => s !== 'hidden');
    expect(placed.length).toBe(2);
    // the two labels do not overlap and neither covers the other dot
    const k = labelBox(venue('kabul', 100, 100), sides.get('kabul') as 'left');
    const i = labelBox(venue('islamabad', 111, 102), sides.get('islamabad') as 'left');
    expect(k.x1 <= i.x0 || i.x1 <= k.x0 || k.y1 <= i.y0 || i.y1 <= k.y0).toBe(true);
  });

  it('keeps labels inside the map: one at the right edge goes left, one with no side inside is hidden', () => {
    expect(placeLabels([venue('islamabad', 340, 100)], { width: 375, height: 300 }).get('islamabad')).toBe('left');
    expect(placeLabels([venue('islamabad', 340, 100)]).get('islamabad')).toBe('right'); // no bounds: as before
    expect(placeLabels([venue('wide', 25, 100)], { width: 50, height: 300 }).get('wide')).toBe('hidden');
  });

  it('never puts a label nearer to another dot than to its own', () => {
    // Kabul with a wide ring clearance and Islamabad just south-east, capital squares around
    // (as at world zoom): above or below Kabul would sit beside Islamabad's dot.
    const kabul = { id: 'kabul', x: 100, y: 100, r: 9, width: 30, height: 14, priority: 4 };
    const others = [venue('islamabad', 112, 104, 3), { id: 'capital:TJK', x: 96, y: 85, r: 2.75, width: 50, height: 13, priority: -1 }, { id: 'capital:IRN', x: 60, y: 98, r: 2.75, width: 40, height: 13, priority: -1 }];
    const all = [kabul, ...others];
    const sides = placeLabels(all);
    for (const c of all) {
      const side = sides.get(c.id)!;
      if (side === 'hidden') continue;
      const box = labelBox(c, side);
      const d = (o: LabelCandidate) => Math.max(0, box.x0 - (o.x + o.r), o.x - o.r - box.x1) + Math.max(0, box.y0 - (o.y + o.r), o.y - o.r - box.y1);
      for (const o of all) if (o !== c) expect(d(o), `${c.id} (${side}) is nearer to ${o.id}`).toBeGreaterThan(d(c));
    }
  });

  it('hides the label of the less busy venue when there is no room at all', () => {
    const crowd = [venue('a', 100, 100, 9), venue('b', 100, 100, 1), venue('d', 40, 100, 5), venue('e', 100, 80, 5), venue('f', 100, 120, 5)];
    const sides = placeLabels(crowd);
    expect(sides.get('b')).toBe('hidden');
    expect(sides.get('a')).not.toBe('hidden');
  });
});
