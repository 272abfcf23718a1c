import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetIsStale } from './freshness';

describe('datasetIsStale', () => {
  it('is stale when the dataset is missing or older than any input, fresh otherwise', () => {
    const root = mkdtempSync(join(tmpdir(), 'fresh-'));
    const seeds = join(root, 'seeds');
    const data = join(root, 'data');
    mkdirSync(seeds);
    mkdirSync(data);
    const out = join(root, 'meetings.json');
    writeFileSync(join(seeds, 'a.txt'), 'text');
    writeFileSync(join(data, 'curation.json'), '{}');
    expect(datasetIsStale(out, [seeds, data])).toMatchObject({ stale: true, reason: expect.stringContaining('missing') });
    writeFileSync(out, '{}');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(seeds, 'a.txt'), past, past);
    utimesSync(join(data, 'curation.json'), past, past);
    expect(datasetIsStale(out, [seeds, data]).stale).toBe(false);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(data, 'curation.json'), future, future);
    expect(datasetIsStale(out, [seeds, data])).toMatchObject({ stale: true, reason: expect.stringContaining('curation.json') });
  });
});
