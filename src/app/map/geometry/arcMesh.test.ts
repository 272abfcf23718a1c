import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../dataset/schema';
import { ARC_ATTRIBUTES, ARC_VERTEX_FLOATS, buildArcMesh, mercator } from './arcMesh';
import { arcCoordinates, arcPath, buildLinkGeometry, packArcPaths } from './links';

const parsed = parseDataset(JSON.parse(fs.readFileSync(new URL('../links.fixture.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const g = buildLinkGeometry(parsed.dataset);
const arcs = g.pairs.map((_, i) => arcPath(g.paths, i));

/** Vertex attribute `a` of every vertex of `pair`, in order. */
function attribute(vertices: Float32Array, pair: number, a: number): number[] {
  const out: number[] = [];
  for (let o = 0; o < vertices.length; o += ARC_VERTEX_FLOATS) if (vertices[o + ARC_ATTRIBUTES.pair] === pair) out.push(vertices[o + a]!);
  return out;
}

describe('mercator', () => {
  it('maps the world to 0..1 like MapLibre, longitudes past 180 beyond 1', () => {
    expect(mercator(-180, 0)).toEqual([0, 0.5]);
    expect(mercator(0, 0)[0]).toBe(0.5);
    expect(mercator(190, 0)[0]).toBeGreaterThan(1);
    expect(mercator(0, 85.051129)[1]).toBeCloseTo(0, 6);
    expect(mercator(0, 60)[1]).toBeLessThan(0.5); // north is up (smaller y)
  });
});

describe('buildArcMesh', () => {
  const mesh = buildArcMesh(g.paths);

  it("gives each pair's index range, and those ranges index only that pair's vertices", () => {
    expect(mesh.pairIndexStart.length).toBe(arcs.length + 1);
    expect(mesh.pairIndexStart[arcs.length]).toBe(mesh.indices.length);
    for (let p = 0; p < arcs.length; p++) {
      const [start, end] = [mesh.pairIndexStart[p]!, mesh.pairIndexStart[p + 1]!];
      expect(end - start).toBe((arcs[p]!.length - 1) * 6);
      for (let k = start; k < end; k++) expect(mesh.vertices[mesh.indices[k]! * ARC_VERTEX_FLOATS + ARC_ATTRIBUTES.pair]).toBe(p);
    }
  });

  it('has two vertices per arc point and two triangles per segment, indices in range', () => {
    const points = arcs.reduce((n, c) => n + c.length, 0);
    expect(mesh.vertices.length).toBe(points * 2 * ARC_VERTEX_FLOATS);
    expect(mesh.indices.length).toBe((points - arcs.length) * 6);
    expect(mesh.pairs).toBe(arcs.length);
    expect(Math.max(...mesh.indices)).toBe(points * 2 - 1);
  });

  it('tags every vertex with its pair, and t rises from 0 at the capital to 1 at the venue', () => {
    for (let pair = 0; pair < arcs.length; pair++) {
      const t = attribute(mesh.vertices, pair, ARC_ATTRIBUTES.t);
      expect(t.length).toBe(arcs[pair]!.length * 2);
      expect(t[0]).toBe(0);
      expect(t[t.length - 1]).toBeCloseTo(1, 6);
      for (let i = 2; i < t.length; i++) expect(t[i]!).toBeGreaterThanOrEqual(t[i - 2]!);
      // the first vertex sits on the capital (the arc's first point)
      const x = attribute(mesh.vertices, pair, ARC_ATTRIBUTES.position);
      expect(x[0]).toBeCloseTo(mercator(arcs[pair]![0]![0]!, arcs[pair]![0]![1]!)[0], 6);
    }
  });

  it('extrudes both sides with unit-or-longer normals perpendicular to the line', () => {
    const v = mesh.vertices;
    for (let o = 0; o < v.length; o += ARC_VERTEX_FLOATS * 2) {
      const [nx, ny] = [v[o + ARC_ATTRIBUTES.normal]!, v[o + ARC_ATTRIBUTES.normal + 1]!];
      const len = Math.hypot(nx, ny);
      expect(len).toBeGreaterThanOrEqual(0.999);
      expect(len).toBeLessThanOrEqual(2.001);
      expect(v[o + ARC_VERTEX_FLOATS + ARC_ATTRIBUTES.normal]).toBeCloseTo(-nx, 6);
      expect(v[o + ARC_ATTRIBUTES.side]).toBe(1);
      expect(v[o + ARC_VERTEX_FLOATS + ARC_ATTRIBUTES.side]).toBe(-1);
    }
  });

  it('keeps an arc across the antimeridian in one piece (no jump in x)', () => {
    const across = arcCoordinates([174.78, -41.29], [-77.04, 38.9]); // Wellington → Washington
    const m = buildArcMesh(packArcPaths([across]));
    const xs = attribute(m.vertices, 0, ARC_ATTRIBUTES.position).filter((_, i) => i % 2 === 0);
    expect(Math.max(...xs)).toBeGreaterThan(1); // runs onto the next world copy
    for (let i = 1; i < xs.length; i++) expect(Math.abs(xs[i]! - xs[i - 1]!)).toBeLessThan(0.05);
  });

  it('skips arcs of fewer than two points but keeps pair numbering', () => {
    const m = buildArcMesh(packArcPaths([[[0, 0]], [[0, 0], [10, 10]]]));
    expect(m.pairs).toBe(2);
    expect(attribute(m.vertices, 1, ARC_ATTRIBUTES.t).length).toBe(4);
    expect(attribute(m.vertices, 0, ARC_ATTRIBUTES.t).length).toBe(0);
  });
});
