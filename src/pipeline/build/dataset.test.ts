import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../dataset/schema';
import { REPO_ROOT, meetingId, runPipeline, serializeDataset } from './dataset';

describe('runPipeline on the seeds', () => {
  it('is deterministic: two runs give byte-identical output that passes the schema', () => {
    const a = serializeDataset(runPipeline({ seedsDir: join(REPO_ROOT, 'seeds') }).dataset);
    const b = serializeDataset(runPipeline({ seedsDir: join(REPO_ROOT, 'seeds') }).dataset);
    expect(a).toBe(b);
    const parsed = parseDataset(JSON.parse(a));
    expect(parsed.ok).toBe(true);
  }, 120_000);

  it('gives every meeting a unique id, every state its capital, every venue a gazetteer record', () => {
    const { dataset } = runPipeline({ seedsDir: join(REPO_ROOT, 'seeds') });
    const ids = dataset.meetings.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const places = new Map(dataset.places.map((p) => [p.id, p]));
    for (const s of dataset.states) expect(places.get(s.capitalPlaceId!)?.countryIso3).toBe(s.iso3);
    for (const m of dataset.meetings) if (m.venuePlaceId) expect(places.get(m.venuePlaceId)!.gazetteerId).toBeGreaterThan(0);
    expect(places.get('kazan')?.countryIso3).toBe('RUS'); // not Kazan in Turkey
    expect(places.get('washington')?.countryIso3).toBe('USA');
    expect(dataset.sources.find((s) => s.file.startsWith('000_'))?.published).toBeNull();
    expect(dataset.sources.find((s) => s.file.startsWith('004_'))?.published).toBe('2024-01-16');
  }, 120_000);
});

describe('meetingId', () => {
  it('is readable and stable: file stem and first evidence offset', () => {
    expect(meetingId('004_51775dee696ea5f7.txt', 132)).toBe('004-51775dee696ea5f7-132');
    expect(meetingId('My Article.txt', 5)).toBe('my-article-5');
    expect(meetingId('03_delhi_security_dialogue_china_pakistan_skip_2021.txt', 0)).toMatch(/^03-delhi-sec-[0-9a-f]{6}-0$/);
  });
});
