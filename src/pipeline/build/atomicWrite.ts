/**
 * Writes a file so that readers see either the old content or the new, never half of it,
 * and a failed run leaves the previous file intact: write a temporary file beside the
 * target (same folder, hence same file system), flush it, then rename it over the target.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file-system calls used, replaceable in tests to simulate a failure mid-write. */
export interface AtomicIo {
  renameSync: typeof renameSync;
}
const defaultIo: AtomicIo = { renameSync };

export function writeFileAtomic(path: string, content: string, io: AtomicIo = defaultIo): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    io.renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
