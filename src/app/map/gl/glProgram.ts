/**
 * A WebGL program compiled without blocking the main thread where the driver allows it
 * (KHR_parallel_shader_compile): the overlay asks `status()` each frame and draws once the
 * program is linked. With software WebGL a blocking compile and link of the links' shaders
 * costs about 200 ms of main thread at start-up (issue 6: load time).
 */
export type ProgramStatus = 'pending' | 'ready' | 'failed';

export class GlProgram {
  readonly program: WebGLProgram;
  private readonly shaders: WebGLShader[];
  private readonly parallel: { COMPLETION_STATUS_KHR: number } | null;
  private state: ProgramStatus = 'pending';
  /** Deleted: asking the driver about it now only gives "attempt to use a deleted object" warnings. */
  private disposed = false;
  private readonly uniforms = new Map<string, WebGLUniformLocation | null>();

  constructor(
    private readonly g: WebGL2RenderingContext,
    vertex: string,
    fragment: string,
    private readonly label: string,
  ) {
    this.parallel = g.getExtension('KHR_parallel_shader_compile') as { COMPLETION_STATUS_KHR: number } | null;
    const shader = (type: number, source: string): WebGLShader => {
      const s = g.createShader(type)!;
      g.shaderSource(s, source);
      g.compileShader(s);
      return s;
    };
    this.shaders = [shader(g.VERTEX_SHADER, vertex), shader(g.FRAGMENT_SHADER, fragment)];
    this.program = g.createProgram()!;
    for (const s of this.shaders) g.attachShader(this.program, s);
    g.linkProgram(this.program);
  }

  /** 'pending' while the driver still compiles (asked without waiting when it can say). */
  status(): ProgramStatus {
    // A status check queued before an unmount (React's development double mount does one
    // right after the first) stays quiet: the program is gone, not broken.
    if (this.state !== 'pending' || this.disposed) return this.state;
    const g = this.g;
    if (this.parallel && !g.getProgramParameter(this.program, this.parallel.COMPLETION_STATUS_KHR)) return 'pending';
    if (g.getProgramParameter(this.program, g.LINK_STATUS)) {
      this.state = 'ready';
      // Every uniform's location now, in one go: each lookup is a round trip to the GPU
      // process, and made during the first draw they wait behind whatever it is busy with
      // (MapLibre's first frames, while the page loads).
      const count = g.getProgramParameter(this.program, g.ACTIVE_UNIFORMS) as number;
      for (let i = 0; i < count; i++) {
        const info = g.getActiveUniform(this.program, i);
        if (info && !this.uniforms.has(info.name)) this.uniforms.set(info.name, g.getUniformLocation(this.program, info.name));
      }
    } else {
      this.state = 'failed';
      const logs = [...this.shaders.map((s) => g.getShaderInfoLog(s)), g.getProgramInfoLog(this.program)].filter((l) => l);
      console.warn(`${this.label} shader did not build; it will not be drawn: ${logs.join(' ') || 'no log'}`);
    }
    return this.state;
  }

  uniform(name: string): WebGLUniformLocation | null {
    if (!this.uniforms.has(name)) this.uniforms.set(name, this.g.getUniformLocation(this.program, name));
    return this.uniforms.get(name) ?? null;
  }

  dispose(): void {
    this.disposed = true;
    this.g.deleteProgram(this.program);
    for (const s of this.shaders) this.g.deleteShader(s);
  }
}
