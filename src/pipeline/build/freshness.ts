/**
 * Whether the dataset must be rebuilt before the app starts: it is missing, or older than
 * any article in seeds/ or any input in data/ (aliases, groups, topics, curation).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of the files under the folders, recursively; 0 when none. */
export function newestInput(dirs: string[]): { mtimeMs: number; path: string | null } {
  let newest = { mtimeMs: 0, path: null as string | null };
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const m = statSync(path).mtimeMs;
        if (m > newest.mtimeMs) newest = { mtimeMs: m, path };
      }
    }
  };
  dirs.forEach(walk);
  return newest;
}

export function datasetIsStale(datasetPath: string, inputDirs: string[]): { stale: boolean; reason: string } {
  if (!existsSync(datasetPath)) return { stale: true, reason: `${datasetPath} is missing` };
  const built = statSync(datasetPath).mtimeMs;
  const newest = newestInput(inputDirs);
  if (newest.mtimeMs > built) return { stale: true, reason: `${newest.path} is newer than the dataset` };
  return { stale: false, reason: 'the dataset is up to date' };
}
