import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicWrite';

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'meetings.json');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['meetings.json']);
  });

  it('keeps the previous file intact when the write fails before the rename', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'meetings.json');
    writeFileSync(path, 'previous dataset');
    const failingRename = () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    };
    expect(() => writeFileAtomic(path, 'half-written', { renameSync: failingRename })).toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('previous dataset');
    expect(readdirSync(dir)).toEqual(['meetings.json']);
  });

  it('creates the folder when it does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'nested', 'out.json');
    writeFileAtomic(path, '{}\n');
    expect(readFileSync(path, 'utf8')).toBe('{}\n');
  });
});
