import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset, parseDatasetText } from './loadDataset';

const real = fs.readFileSync('public/data/meetings.json', 'utf8');
const response = (status: number, body: string) => async () => ({ ok: status < 400, status, statusText: status === 404 ? 'Not Found' : '', text: async () => body });

describe('loadDataset', () => {
  it('accepts the shipped dataset', async () => {
    const load = await loadDataset('data/meetings.json', response(200, real));
    expect(load.ok).toBe(true);
    if (load.ok) expect(load.dataset.meetings.length).toBe(JSON.parse(real).meetings.length);
  });
  it('names the file when it is missing', async () => {
    const load = await loadDataset('data/meetings.json', response(404, 'not here'));
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.title).toMatch(/data\/meetings\.json could not be loaded \(HTTP 404 Not Found\)/);
  });
  it('reports a network failure', async () => {
    const load = await loadDataset('x', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.problems).toEqual(['Failed to fetch']);
  });
  it('says a truncated file is not valid JSON', () => {
    const load = parseDatasetText(real.slice(0, Math.floor(real.length / 2)));
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.title).toMatch(/not valid JSON \(is it truncated\?\)/);
  });
  it('lists schema problems with their paths', () => {
    const broken = JSON.parse(real);
    broken.meetings[0].date.start = '2025-02-30';
    delete broken.meetings[1].title;
    const load = parseDatasetText(JSON.stringify(broken));
    expect(load.ok).toBe(false);
    if (!load.ok) {
      expect(load.title).toMatch(/does not match the dataset schema/);
      expect(load.problems.join('\n')).toMatch(/meetings\.0\.date\.start/);
      expect(load.problems.join('\n')).toMatch(/meetings\.1\.title/);
    }
  });
  it('says an empty file is empty', () => {
    const load = parseDatasetText('  ');
    expect(load.ok).toBe(false);
  });
});
