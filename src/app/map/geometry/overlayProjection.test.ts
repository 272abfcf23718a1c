import { describe, expect, it } from 'vitest';
import { mercator } from './arcMesh';
import { overlayView, toScreen, TILE_SIZE } from './overlayProjection';

describe('overlayView', () => {
  it('puts the centre in the middle of the screen', () => {
    const v = overlayView(69.2, 34.5, 4, 1280, 800);
    const [x, y] = mercator(69.2, 34.5);
    const p = toScreen(v, x, y, 1280, 800);
    expect(p.x).toBeCloseTo(640, 3);
    expect(p.y).toBeCloseTo(400, 3);
  });

  it('moves a place east by its longitude difference times the world size, and north up', () => {
    const zoom = 3;
    const v = overlayView(0, 0, zoom, 1000, 600);
    const world = TILE_SIZE * 2 ** zoom;
    const [x] = mercator(90, 0);
    expect(toScreen(v, x, 0.5, 1000, 600).x).toBeCloseTo(500 + world / 4, 3);
    const [, yNorth] = mercator(0, 40);
    expect(toScreen(v, 0.5, yNorth, 1000, 600).y).toBeLessThan(300);
  });

  it('spans the screen width in Mercator units at any zoom', () => {
    const v = overlayView(10, 20, 2, 1024, 512);
    expect((v.east - v.west) * v.worldSize).toBeCloseTo(1024, 6);
  });
});
