import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { basemapFiles } from './src/build/basemapPlugin.ts';
import { contentSecurityPolicy } from './src/build/cspPlugin.ts';
import { shaderMinify } from './src/build/shaderMinify.ts';
import { datasetRebuild } from './src/pipeline/build/vitePlugin.ts';

// The app is a static SPA: everything it needs (basemap, glyphs, dataset) is bundled or
// served from public/, so the built dist/ works offline from any static host or subpath.
export default defineConfig({
  base: './',
  plugins: [react(), basemapFiles(), contentSecurityPolicy(), datasetRebuild(), shaderMinify()],
  // The comet worker (src/app/map/cometWorker.ts) is bundled apart: it gets the shader minifier too.
  worker: { format: 'es', plugins: () => [shaderMinify()] },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // maplibre-gl in a chunk of its own: it changes less often than our code (better
      // caching), and the benchmark measures our share of the bundle without it.
      output: { manualChunks: (id: string) => (/node_modules[\\/]maplibre-gl[\\/]/.test(id) ? 'maplibre-gl' : null) },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
