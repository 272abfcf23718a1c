import { describe, expect, it } from 'vitest';
import { compassWord, EDGE_INSET, placeEdgeMarkers } from './edgeMarkers';

const view = { width: 900, height: 600 };
const pill = { width: 90, height: 22 };

describe('edge markers', () => {
  it('puts a venue north of the view on the top edge, pointing at it', () => {
    const [p] = placeEdgeMarkers([{ id: 'kazan', x: 400, y: -500, ...pill }], view);
    expect(p!.side).toBe('top');
    expect(p!.y).toBe(EDGE_INSET + pill.height / 2);
    expect(p!.x).toBeGreaterThan(400);
    expect(p!.x).toBeLessThan(450);
    expect(compassWord(p!.angle)).toBe('north');
  });
  it('puts a venue far west on the left edge', () => {
    const [p] = placeEdgeMarkers([{ id: 'washington', x: -4000, y: 200, ...pill }], view);
    expect(p!.side).toBe('left');
    expect(p!.x).toBe(EDGE_INSET + pill.width / 2);
    expect(compassWord(p!.angle)).toBe('west');
  });
  it('keeps pills inside the view and apart from each other', () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ id: `v${i}`, x: 450 + i, y: -300, ...pill }));
    const placed = placeEdgeMarkers(items, view);
    expect(placed).toHaveLength(8);
    const boxes = placed.map((p) => ({ x0: p.x - pill.width / 2, x1: p.x + pill.width / 2, y0: p.y - pill.height / 2, y1: p.y + pill.height / 2 }));
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(view.width);
      expect(b.y0).toBeGreaterThanOrEqual(0);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `${i} overlaps ${j}`).toBe(false);
      }
  });
  it('names the eight compass directions', () => {
    expect([0, 45, 90, 135, 180, -135, -90, -45].map(compassWord)).toEqual(['east', 'south-east', 'south', 'south-west', 'west', 'north-west', 'north', 'north-east']);
  });
});
