/**
 * Vite plugin for `npm run dev` / `npm start`: when an article in seeds/ or an input in
 * data/ changes, rebuild the dataset (`npm run data`, in a child process so a crash in the
 * pipeline never takes the dev server down) and reload the page. Builds and previews are
 * untouched (`apply: 'serve'`).
 */
import { spawn } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';

export interface DatasetRebuildOptions {
  /** Repository root; default: Vite's root. */
  root?: string;
  /** Milliseconds to wait for more changes before rebuilding (editors save in bursts). */
  debounceMs?: number;
}

export function datasetRebuild(options: DatasetRebuildOptions = {}): Plugin {
  return {
    name: 'security-atlas:dataset-rebuild',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      const root = options.root ?? server.config.root;
      const watched = [join(root, 'seeds'), join(root, 'data')];
      server.watcher.add(watched);
      let timer: NodeJS.Timeout | null = null;
      let running = false;
      let again = false;
      const rebuild = () => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        const started = Date.now();
        const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/data.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => {
          running = false;
          if (code === 0) {
            server.config.logger.info(`dataset rebuilt in ${Date.now() - started} ms; reloading`, { timestamp: true });
            server.ws.send({ type: 'full-reload' });
          } else {
            server.config.logger.error(`dataset rebuild failed (exit ${code}); the previous dataset is kept:\n${stderr.trim()}`, { timestamp: true });
          }
          if (again) {
            again = false;
            rebuild();
          }
        });
      };
      const onChange = (file: string) => {
        const rel = relative(root, file);
        const isInput = rel.startsWith(`seeds${sep}`) || (rel.startsWith(`data${sep}`) && rel.endsWith('.json'));
        if (!isInput || rel.split(sep).some((part) => part.startsWith('.'))) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(rebuild, options.debounceMs ?? 300);
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
