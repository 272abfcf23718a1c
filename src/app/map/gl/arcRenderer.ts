/**
 * The links' WebGL program (deck.gl's approach, issue 6): one static mesh of every
 * capital→venue arc (arcMesh.ts) uploaded once per dataset, and a small per-pair state
 * texture (arcState.ts) that the vertex shader reads with `texelFetch` to colour and focus
 * each pair; only the index ranges of shown pairs are drawn (one multi-draw call). A window change is one `texSubImage2D` and a draw; an animation frame
 * is one draw with a new time uniform. No GeoJSON source, no worker, no re-tiling.
 *
 * It draws into the link overlay's own WebGL context (linkOverlay.ts), not MapLibre's, so
 * neither a window step nor an animation frame makes MapLibre repaint the basemap.
 * Drawn per world copy in view (arcs are unwrapped, so one may cross into the next copy).
 * Every WebGL call of the links lives in this file.
 */
import { ARC_ATTRIBUTES, ARC_VERTEX_FLOATS, type ArcMesh } from '../geometry/arcMesh';
import { stateTextureSize, visibleRuns } from '../geometry/arcState';
import type { OverlayView } from '../geometry/overlayProjection';
import { GlProgram } from './glProgram';
import { PALETTE } from '../../palette';
import { linkWidthPx, rgbUnit } from '../style';

/** What the adapter sets per change; read by the shaders as uniforms. */
export interface ArcStyle {
  /** Line width factor over `linkWidthPx` at the current zoom (thinner when lines pile up). */
  widthFactor: number;
  /** Opacity factor for the density of lines (0..1). */
  opacity: number;
  /** True while a meeting or venue is focused: unfocused pairs dim, focused ones draw strong. */
  focusActive: boolean;
  /** Flowing comets along held links. */
  animate: boolean;
}

const VERTEX = `#version 300 es
precision highp float;
precision highp int;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_normal;
layout(location = 2) in float a_side;
layout(location = 3) in float a_t;
layout(location = 4) in float a_dist;
layout(location = 5) in float a_pair;
uniform mat4 u_matrix;
uniform float u_offset;      // world copy, in mercator units
uniform float u_px;          // mercator units per CSS pixel
uniform float u_width;       // px
uniform float u_focus_active;
uniform sampler2D u_state;
flat out int v_class;
flat out float v_focus;
out float v_t;
out float v_dist_px;
out float v_side;
out float v_half;
void main() {
  int pair = int(a_pair + 0.5);
  vec4 s = texelFetch(u_state, ivec2(pair % ${stateTextureSize(1).width}, pair / ${stateTextureSize(1).width}), 0);
  int cls = int(s.r * 255.0 + 0.5);
  v_class = cls;
  v_focus = s.g > 0.0 ? 1.0 : 0.0;
  if (cls == 0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; } // off clip space: the triangle is dropped
  // Direction without motion: the ribbon widens from the capital (t 0) to the venue (t 1).
  float w = u_width * (0.55 + 0.45 * a_t) * (u_focus_active > 0.5 && v_focus > 0.5 ? 1.6 : 1.0);
  float half_w = w * 0.5 + 0.75; // plus a feather pixel for antialiasing
  v_half = half_w;
  v_t = a_t;
  v_side = a_side * half_w;
  v_dist_px = a_dist / u_px;
  vec2 p = a_pos + vec2(u_offset, 0.0) + a_normal * half_w * u_px;
  gl_Position = u_matrix * vec4(p, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
flat in int v_class;
flat in float v_focus;
in float v_t;
in float v_dist_px;
in float v_side;
in float v_half;
uniform vec3 u_held;
uniform vec3 u_unheld;
uniform vec3 u_absent;
uniform float u_opacity;
uniform float u_focus_active;
uniform float u_time;        // seconds; < 0 when not animating
uniform float u_comets_only; // 1: only the comets, white over the links drawn beneath (cometLayer.ts)
out vec4 fragColor;
void main() {
  // Soft edge one pixel wide.
  float edge = clamp(v_half - abs(v_side), 0.0, 1.0);
  vec3 color;
  float alpha;
  if (u_comets_only > 0.5 && (v_class != 1 || u_time < 0.0)) discard;
  if (v_class == 1) {
    color = u_held;
    alpha = 0.9 * (0.45 + 0.55 * v_t); // fainter at the capital, strong at the venue
    if (u_time >= 0.0) {
      // A comet every 28 px running towards the venue: bright head, fading tail.
      float phase = fract((v_dist_px - u_time * 40.0) / 28.0);
      float comet = smoothstep(0.55, 1.0, phase) * step(phase, 0.98);
      if (u_comets_only > 0.5) {
        // Over the link drawn beneath: white at 0.6 over it looks as the mix below does.
        color = vec3(1.0);
        alpha = 0.6 * comet;
      } else {
        color = mix(color, vec3(1.0), 0.55 * comet);
        alpha = max(alpha, 0.9 * comet);
      }
    }
  } else if (v_class == 2) {
    color = u_unheld;
    alpha = 0.9 * step(fract(v_dist_px / 10.0), 0.6); // dashed: 6 px on, 4 off
  } else {
    color = u_absent;
    alpha = 0.75 * step(fract(v_dist_px / 7.0), 0.3); // dotted
  }
  if (u_focus_active > 0.5) alpha *= v_focus > 0.5 ? 1.0 / max(u_opacity, 0.05) : 0.12;
  alpha = clamp(alpha * u_opacity * edge, 0.0, 1.0);
  if (alpha <= 0.002) discard;
  fragColor = vec4(color * alpha, alpha); // premultiplied: the overlay canvas composites premultiplied
}`;

// Parsed once, not per frame.
const HELD = rgbUnit(PALETTE.held);
const UNHELD = rgbUnit(PALETTE.unheld);
const ABSENT = rgbUnit(PALETTE.absent);

export class ArcRenderer {
  private gl: WebGL2RenderingContext | null = null;
  private program: GlProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private vertexBuffer: WebGLBuffer | null = null;
  private indexBuffer: WebGLBuffer | null = null;
  private texture: WebGLTexture | null = null;
  private indexCount = 0;
  private mesh: ArcMesh | null = null;
  private meshDirty = false;
  private state: Uint8Array = new Uint8Array(4);
  private stateDirty = false;
  /** Index ranges of the shown pairs (arcState.visibleRuns), recomputed when the state changes. */
  private runs = { offsets: new Int32Array(0), counts: new Int32Array(0) };
  private runCount = 0;
  private multiDraw: WEBGL_multi_draw | null = null;
  private style: ArcStyle = { widthFactor: 1, opacity: 1, focusActive: false, animate: false };
  private readonly started = performance.now();
  private meshChanges = 0;
  private stateChanges = 0;

  /**
   * `cometsOnly`: draw nothing but the comets of held links (the comet worker's layer over
   * the links the page draws, cometLayer.ts).
   */
  constructor(private readonly cometsOnly = false) {}

  /** Counts of `setMesh` and state changes, for whoever mirrors this renderer (the comet layer). */
  get versions(): { mesh: number; state: number } {
    return { mesh: this.meshChanges, state: this.stateChanges };
  }

  /** True once the current mesh is in the GPU buffer: its arrays are not read again (there is no context-loss restore). */
  get meshUploaded(): boolean {
    return this.mesh !== null && !this.meshDirty;
  }

  /** What is drawn: the mesh, the per-pair state buffer and the style (read, never changed, by the comet layer). */
  get current(): { mesh: ArcMesh | null; state: Uint8Array; style: ArcStyle } {
    return { mesh: this.mesh, state: this.state, style: this.style };
  }

  /** A dataset's arcs have been given (before that there is nothing to draw). */
  get hasMesh(): boolean {
    return this.mesh !== null;
  }

  /** A new dataset: the mesh is uploaded on the next render; `state` is the per-pair buffer (4 bytes a pair). */
  setMesh(mesh: ArcMesh, state: Uint8Array): void {
    this.mesh = mesh;
    this.meshDirty = true;
    this.state = state;
    this.stateDirty = true;
    this.meshChanges++;
    this.stateChanges++;
  }

  /** The state buffer changed (window, filters, focus): uploaded on the next render. */
  stateChanged(): void {
    this.stateDirty = true;
    this.stateChanges++;
  }

  setStyle(style: ArcStyle): void {
    this.style = style;
  }

  /** 'pending' until the program is built (the overlay waits for it). */
  status(): 'pending' | 'ready' | 'failed' {
    return this.program?.status() ?? 'failed';
  }

  /** Compiles the program and creates the buffers in `g` (the overlay's context). */
  init(g: WebGL2RenderingContext): void {
    this.gl = g;
    // One call for all runs of shown pairs; without the extension, one draw per run.
    this.multiDraw = g.getExtension('WEBGL_multi_draw');
    this.program = new GlProgram(g, VERTEX, FRAGMENT, 'links');
    this.vertexBuffer = g.createBuffer();
    this.indexBuffer = g.createBuffer();
    this.texture = g.createTexture();
    this.vao = g.createVertexArray();
    g.bindVertexArray(this.vao);
    g.bindBuffer(g.ARRAY_BUFFER, this.vertexBuffer);
    g.bindBuffer(g.ELEMENT_ARRAY_BUFFER, this.indexBuffer);
    const stride = ARC_VERTEX_FLOATS * 4;
    const attr = (loc: number, size: number, offset: number): void => {
      g.enableVertexAttribArray(loc);
      g.vertexAttribPointer(loc, size, g.FLOAT, false, stride, offset * 4);
    };
    attr(0, 2, ARC_ATTRIBUTES.position);
    attr(1, 2, ARC_ATTRIBUTES.normal);
    attr(2, 1, ARC_ATTRIBUTES.side);
    attr(3, 1, ARC_ATTRIBUTES.t);
    attr(4, 1, ARC_ATTRIBUTES.dist);
    attr(5, 1, ARC_ATTRIBUTES.pair);
    g.bindVertexArray(null);
    g.bindBuffer(g.ARRAY_BUFFER, null);
    this.meshDirty = this.mesh !== null;
    this.stateDirty = this.mesh !== null;
  }

  dispose(): void {
    const g = this.gl;
    if (!g) return;
    this.program?.dispose();
    if (this.vertexBuffer) g.deleteBuffer(this.vertexBuffer);
    if (this.indexBuffer) g.deleteBuffer(this.indexBuffer);
    if (this.texture) g.deleteTexture(this.texture);
    if (this.vao) g.deleteVertexArray(this.vao);
    this.gl = null;
  }

  private upload(g: WebGL2RenderingContext): void {
    if (this.meshDirty && this.mesh) {
      g.bindVertexArray(null);
      g.bindBuffer(g.ARRAY_BUFFER, this.vertexBuffer);
      g.bufferData(g.ARRAY_BUFFER, this.mesh.vertices, g.STATIC_DRAW);
      g.bindBuffer(g.ARRAY_BUFFER, null);
      g.bindVertexArray(this.vao);
      g.bindBuffer(g.ELEMENT_ARRAY_BUFFER, this.indexBuffer);
      g.bufferData(g.ELEMENT_ARRAY_BUFFER, this.mesh.indices, g.STATIC_DRAW);
      g.bindVertexArray(null);
      this.indexCount = this.mesh.indices.length;
      const { width, height } = stateTextureSize(this.mesh.pairs);
      g.activeTexture(g.TEXTURE0);
      g.bindTexture(g.TEXTURE_2D, this.texture);
      g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MIN_FILTER, g.NEAREST);
      g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MAG_FILTER, g.NEAREST);
      g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_S, g.CLAMP_TO_EDGE);
      g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_T, g.CLAMP_TO_EDGE);
      g.pixelStorei(g.UNPACK_ALIGNMENT, 1);
      g.texImage2D(g.TEXTURE_2D, 0, g.RGBA8, width, height, 0, g.RGBA, g.UNSIGNED_BYTE, this.padded(width * height * 4));
      this.meshDirty = false;
      this.stateDirty = false;
      this.runCount = visibleRuns(this.state, this.mesh.pairIndexStart, this.runs);
    } else if (this.stateDirty && this.mesh) {
      const { width, height } = stateTextureSize(this.mesh.pairs);
      g.activeTexture(g.TEXTURE0);
      g.bindTexture(g.TEXTURE_2D, this.texture);
      g.pixelStorei(g.UNPACK_ALIGNMENT, 1);
      g.texSubImage2D(g.TEXTURE_2D, 0, 0, 0, width, height, g.RGBA, g.UNSIGNED_BYTE, this.padded(width * height * 4));
      this.stateDirty = false;
      this.runCount = visibleRuns(this.state, this.mesh.pairIndexStart, this.runs);
    }
  }

  /** The state buffer, grown to the texture's full size (the adapter allocates it that size, so normally no copy). */
  private padded(bytes: number): Uint8Array {
    if (this.state.length >= bytes) return this.state.length === bytes ? this.state : this.state.subarray(0, bytes);
    const out = new Uint8Array(bytes);
    out.set(this.state);
    return out;
  }

  /** Draws the links for `view` at `zoom`; returns false when there is nothing to draw. */
  draw(view: OverlayView, zoom: number): boolean {
    const g = this.gl;
    if (!g || !this.program || this.program.status() !== 'ready' || !this.mesh) return false;
    this.upload(g);
    if (this.indexCount === 0 || this.runCount === 0) return false;
    g.useProgram(this.program.program);
    const u = (name: string) => this.program!.uniform(name);
    g.uniformMatrix4fv(u('u_matrix'), false, view.matrix);
    g.uniform1f(u('u_px'), 1 / view.worldSize);
    g.uniform1f(u('u_width'), linkWidthPx(zoom, this.style.widthFactor));
    g.uniform1f(u('u_focus_active'), this.style.focusActive ? 1 : 0);
    g.uniform1f(u('u_opacity'), this.style.opacity);
    g.uniform1f(u('u_time'), this.style.animate ? ((performance.now() - this.started) / 1000) % 600 : -1);
    g.uniform1f(u('u_comets_only'), this.cometsOnly ? 1 : 0);
    g.uniform3fv(u('u_held'), HELD);
    g.uniform3fv(u('u_unheld'), UNHELD);
    g.uniform3fv(u('u_absent'), ABSENT);
    g.activeTexture(g.TEXTURE0);
    g.bindTexture(g.TEXTURE_2D, this.texture);
    g.uniform1i(u('u_state'), 0);
    g.bindVertexArray(this.vao);
    // World copies in view: copy k holds the mesh's x range shifted by k.
    const first = Math.max(Math.ceil(view.west - this.mesh.maxX), -3);
    const last = Math.min(Math.floor(view.east - this.mesh.minX), 3);
    for (let copy = first; copy <= last; copy++) {
      g.uniform1f(u('u_offset'), copy);
      if (this.multiDraw) this.multiDraw.multiDrawElementsWEBGL(g.TRIANGLES, this.runs.counts, 0, g.UNSIGNED_INT, this.runs.offsets, 0, this.runCount);
      else for (let r = 0; r < this.runCount; r++) g.drawElements(g.TRIANGLES, this.runs.counts[r]!, g.UNSIGNED_INT, this.runs.offsets[r]!);
    }
    g.bindVertexArray(null);
    return true;
  }
}
