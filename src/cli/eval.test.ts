import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../pipeline/build/dataset';

const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [TSX, join(REPO_ROOT, 'src/cli/eval.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT, timeout: 120_000 });

describe('npm run eval', () => {
  it('scores the seeds against data/seed-answers.json, at least 0.9 on every metric', () => {
    const r = run('--json');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const metric of ['recall', 'precision', 'dateExact', 'participantsF1', 'venueWithin50']) expect(s[metric]).toBeGreaterThanOrEqual(0.9);
    expect(s.keyMeetings).toBe(14);
  }, 120_000);

  it('prints a table, and exits 2 with a message for a folder that is not a set', () => {
    expect(run().stdout).toMatch(/meeting recall\s+\d\.\d\d/);
    const bad = run('--set', join(REPO_ROOT, 'src'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expects a folder with articles/');
  }, 120_000);
});
