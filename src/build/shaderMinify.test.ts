import { describe, expect, it } from 'vitest';
import { minifyShaderSource } from './shaderMinify';

describe('minifyShaderSource', () => {
  const source = `#version 300 es
precision highp float;
// a comment line
uniform float u_width;       // px
in vec2 a_pos;
void main() {
  float w = u_width * (0.55 + 0.45 * a_pos.x); // trailing
  float n = w - -a_pos.y;
  if (w <= 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  int k = int(a_pos.x) % \${256};
}`;
  const out = minifyShaderSource(source);

  it('drops comments, indentation and blank lines, and keeps the version directive on its own line', () => {
    expect(out.split('\n')[0]).toBe('#version 300 es');
    expect(out).not.toMatch(/\/\/| {2}/);
    expect(out.length).toBeLessThan(source.length * 0.85);
  });

  it('keeps every token: only spaces that separate nothing go', () => {
    const tokens = (s: string) => s.replace(/\/\/[^\n]*/g, '').match(/[A-Za-z_][\w.]*|\d+\.?\d*|\$\{|[^\s\w]/g);
    expect(tokens(out)).toEqual(tokens(source));
    expect(out).toContain('w - -a_pos.y'); // never "w--a_pos.y"
    expect(out).toContain('float w=u_width*(0.55 + 0.45*a_pos.x);');
  });
});
