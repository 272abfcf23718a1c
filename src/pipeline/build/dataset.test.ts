import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe('venues a person must settle', () => {
  const ARTICLE =
    'QWERTYVILLE: Officials from Pakistan and Afghanistan met in Zzyzxqorabad on Sunday to discuss security, the ministry said.\n' +
    'Diplomats from Iran and Pakistan also met in Springfield to discuss border attacks.\n';
  const seeds = () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-venues-'));
    writeFileSync(join(dir, 'places.txt'), ARTICLE);
    return dir;
  };

  it('warns about an unknown venue name and an ambiguous one, naming file and meeting', () => {
    const { warnings, dataset } = runPipeline({ seedsDir: seeds(), curationPath: null });
    const texts = warnings.map((w) => `${w.file} ${w.where} ${w.message}`);
    expect(texts.some((t) => /^places\.txt meeting \S+ no venue: "Zzyzxqorabad" is not a city/.test(t))).toBe(true);
    expect(texts.some((t) => /^places\.txt meeting \S+ venue "Springfield" is ambiguous: chose Springfield \(USA/.test(t))).toBe(true);
    expect(dataset.meetings).toHaveLength(2); // nothing dropped
  }, 120_000);

  it('stops warning once curation sets the venue', () => {
    const dir = seeds();
    const first = runPipeline({ seedsDir: dir, curationPath: null });
    const springfield = first.dataset.meetings.find((m) => m.venuePlaceId?.startsWith('springfield'))!;
    const curation = join(dir, 'curation.json');
    writeFileSync(curation, JSON.stringify({ entries: [{ meeting: springfield.id, set: { venue: { city: 'Springfield', country: 'USA' } }, note: 'checked', source: 'test' }] }));
    const { warnings } = runPipeline({ seedsDir: dir, curationPath: curation });
    expect(warnings.filter((w) => /Springfield/.test(w.message))).toEqual([]);
    expect(warnings.filter((w) => /Zzyzxqorabad/.test(w.message))).toHaveLength(1);
  }, 120_000);
});
