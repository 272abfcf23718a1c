/**
 * Production builds carry the GLSL shaders (template literals starting `#version 300 es`)
 * without their comments and indentation: about 1 KB gzip over the page and the comet
 * worker, which both carry the links' shaders (issue 6's bundle budget). The source keeps
 * its comments; `minifyShaderSource` is pure and unit-tested.
 */
import type { Plugin } from 'vite';

const SHADER_LITERAL = /`#version 300 es\n[^`]*`/g;

/** A shader's text without `//` comments, indentation, blank lines or spaces around punctuation; lines stay lines (directives need them). */
export function minifyShaderSource(source: string): string {
  return source
    .split('\n')
    .map((line) =>
      line
        .replace(/\/\/.*$/, '')
        .replace(/\s+/g, ' ')
        // Not + and -: "a - -b" must not become "a--b".
        .replace(/ ?([=*/<>!&|,;:?(){}[\]]) ?/g, '$1')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
}

/** Minifies the shader literals of the app's TypeScript modules when building (not in dev). */
export function shaderMinify(): Plugin {
  return {
    name: 'atlas-shader-minify',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('#version 300 es')) return null;
      return { code: code.replace(SHADER_LITERAL, (literal) => minifyShaderSource(literal)), map: null };
    },
  };
}
