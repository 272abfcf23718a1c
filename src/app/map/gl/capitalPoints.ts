/**
 * Capitals of the states taking part in the visible meetings: small dark squares with a
 * white rim, drawn as WebGL points in the link overlay (linkOverlay.ts) above the links.
 * Which capitals show is one byte per capital, re-uploaded only when the set changes; a
 * window step never touches MapLibre.
 */
import { mercator } from '../geometry/arcMesh';
import type { OverlayView } from '../geometry/overlayProjection';
import { GlProgram } from './glProgram';
import { PALETTE } from '../../palette';
import { rgbUnit } from '../style';

const FILL = rgbUnit(PALETTE.capital); // parsed once, not per frame

const VERTEX = `#version 300 es
precision highp float;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_visible;
uniform mat4 u_matrix;
uniform float u_offset;
uniform float u_size;
void main() {
  if (a_visible < 0.5) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); gl_PointSize = 0.0; return; }
  gl_Position = u_matrix * vec4(a_pos + vec2(u_offset, 0.0), 0.0, 1.0);
  gl_PointSize = u_size;
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform vec3 u_fill;
uniform float u_rim;   // rim width as a share of the point
out vec4 fragColor;
void main() {
  vec2 p = gl_PointCoord;
  bool rim = p.x < u_rim || p.y < u_rim || p.x > 1.0 - u_rim || p.y > 1.0 - u_rim;
  fragColor = rim ? vec4(1.0) : vec4(u_fill, 1.0); // the white rim reads on links and land
}`;

/** Capital square size in CSS pixels at a zoom (0.6 of 7 px at world zoom, 7 px from zoom 5). */
export function capitalSizePx(zoom: number): number {
  const factor = Math.max(0.6, Math.min(1, 0.6 + ((zoom - 1) * 0.4) / 4));
  return 7 * factor;
}

export class CapitalPoints {
  private gl: WebGL2RenderingContext | null = null;
  private program: GlProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private positions: WebGLBuffer | null = null;
  private visibility: WebGLBuffer | null = null;
  private ids: string[] = [];
  private coords = new Float32Array(0);
  private visible = new Float32Array(0);
  private dirty = { positions: false, visible: false };

  /** The capitals that can show, by state code, with their places. */
  setCapitals(capitals: ReadonlyArray<{ iso3: string; lon: number; lat: number }>): void {
    this.ids = capitals.map((c) => c.iso3);
    this.coords = new Float32Array(capitals.length * 2);
    capitals.forEach((c, i) => this.coords.set(mercator(c.lon, c.lat), i * 2));
    this.visible = new Float32Array(capitals.length);
    this.dirty = { positions: true, visible: true };
  }

  /** Shows the capitals of these states only (uploaded on the next draw if that changes anything). */
  show(states: { has(iso3: string): boolean }): void {
    this.ids.forEach((iso3, i) => {
      const on = states.has(iso3) ? 1 : 0;
      if (this.visible[i] === on) return;
      this.visible[i] = on;
      this.dirty.visible = true;
    });
  }

  /** States whose capital is drawn now (a test handle). */
  shown(): string[] {
    return this.ids.filter((_, i) => this.visible[i] === 1).sort();
  }

  /** 'pending' until the program is built (the overlay waits for it). */
  status(): 'pending' | 'ready' | 'failed' {
    return this.program?.status() ?? 'failed';
  }

  init(g: WebGL2RenderingContext): void {
    this.gl = g;
    this.program = new GlProgram(g, VERTEX, FRAGMENT, 'capitals');
    this.positions = g.createBuffer();
    this.visibility = g.createBuffer();
    this.vao = g.createVertexArray();
    g.bindVertexArray(this.vao);
    g.bindBuffer(g.ARRAY_BUFFER, this.positions);
    g.enableVertexAttribArray(0);
    g.vertexAttribPointer(0, 2, g.FLOAT, false, 0, 0);
    g.bindBuffer(g.ARRAY_BUFFER, this.visibility);
    g.enableVertexAttribArray(1);
    g.vertexAttribPointer(1, 1, g.FLOAT, false, 0, 0);
    g.bindVertexArray(null);
    g.bindBuffer(g.ARRAY_BUFFER, null);
    this.dirty = { positions: true, visible: true };
  }

  dispose(): void {
    const g = this.gl;
    if (!g) return;
    this.program?.dispose();
    if (this.positions) g.deleteBuffer(this.positions);
    if (this.visibility) g.deleteBuffer(this.visibility);
    if (this.vao) g.deleteVertexArray(this.vao);
    this.gl = null;
  }

  draw(view: OverlayView, zoom: number, pixelRatio: number): void {
    const g = this.gl;
    if (!g || !this.program || this.program.status() !== 'ready' || this.ids.length === 0) return;
    if (this.dirty.positions) {
      g.bindBuffer(g.ARRAY_BUFFER, this.positions);
      g.bufferData(g.ARRAY_BUFFER, this.coords, g.STATIC_DRAW);
      this.dirty.positions = false;
    }
    if (this.dirty.visible) {
      g.bindBuffer(g.ARRAY_BUFFER, this.visibility);
      g.bufferData(g.ARRAY_BUFFER, this.visible, g.DYNAMIC_DRAW);
      this.dirty.visible = false;
    }
    g.bindBuffer(g.ARRAY_BUFFER, null);
    g.useProgram(this.program.program);
    const u = (name: string) => this.program!.uniform(name);
    const size = Math.round(capitalSizePx(zoom) * pixelRatio);
    g.uniformMatrix4fv(u('u_matrix'), false, view.matrix);
    g.uniform1f(u('u_size'), size);
    g.uniform1f(u('u_rim'), Math.max(1, pixelRatio) / Math.max(1, size));
    g.uniform3fv(u('u_fill'), FILL);
    g.bindVertexArray(this.vao);
    for (let copy = Math.max(Math.ceil(view.west - 1), -3); copy <= Math.min(Math.floor(view.east), 3); copy++) {
      g.uniform1f(u('u_offset'), copy);
      g.drawArrays(g.POINTS, 0, this.ids.length);
    }
    g.bindVertexArray(null);
  }
}
