/**
 * Adds a Content-Security-Policy meta tag to the production build's index.html.
 *
 * Only the page's own origin may provide scripts, styles, images, fonts, workers and
 * connections: article text is untrusted, so even if markup slipped into the DOM it could
 * not load or run anything from elsewhere. `blob:` is needed because MapLibre decodes
 * images and glyph bitmaps through blob URLs; `data:` for small inlined images.
 * Style attributes set through the CSSOM (React, MapLibre markers) are not affected by
 * `style-src`, so no 'unsafe-inline' is needed. Dev mode is left alone: Vite's HMR client
 * and React Refresh inject inline scripts there.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'atlas-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
