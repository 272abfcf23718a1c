import { describe, expect, it } from 'vitest';
import { nearestPath } from './linkHitTest';

// A 1000×1000 view whose world is 1000 px wide, centred on Mercator (0.5, 0.5): pixels = Mercator × 1000.
const view = { cx: 0.5, cy: 0.5, worldSize: 1000, width: 1000, height: 1000 };
const path = (...xy: number[]) => Float32Array.from(xy.map((v) => v / 1000));

describe('link hit test', () => {
  const paths = [path(100, 100, 900, 100), path(100, 500, 500, 500, 900, 900)];
  it('finds the arc under the pointer, within a few pixels', () => {
    expect(nearestPath(paths, () => true, 500, 103, view)).toBe(0);
    expect(nearestPath(paths, () => true, 700, 695, view)).toBe(1);
    expect(nearestPath(paths, () => true, 500, 300, view)).toBe(-1);
  });
  it('skips arcs that are not drawn', () => {
    expect(nearestPath(paths, (i) => i !== 0, 500, 103, view)).toBe(-1);
  });
  it('picks the nearer of two close arcs', () => {
    const two = [path(10, 500, 990, 500), path(10, 504, 990, 504)];
    expect(nearestPath(two, () => true, 500, 503, view)).toBe(1);
    expect(nearestPath(two, () => true, 500, 501, view)).toBe(0);
  });
});
