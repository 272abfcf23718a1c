import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../pages/fixtureServer';
import { MAX_ARTICLE_BYTES, decodeArticle, jsonErrorWhere, parseSources, readPageFile, readSeeds } from './inputs';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeArticle', () => {
  it('reads UTF-8 text and drops a byte-order mark', () => {
    expect(decodeArticle(bytes('\uFEFFKABUL: text’s fine'))).toEqual({ ok: true, text: 'KABUL: text’s fine' });
  });
  it('refuses empty, blank, binary, non-UTF-8 and oversized files with a reason', () => {
    expect(decodeArticle(new Uint8Array())).toMatchObject({ ok: false, reason: expect.stringContaining('empty') });
    expect(decodeArticle(bytes(' \n\t '))).toMatchObject({ ok: false, reason: expect.stringContaining('white space') });
    expect(decodeArticle(new Uint8Array([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, reason: expect.stringContaining('NUL byte at offset 1') });
    expect(decodeArticle(new Uint8Array([0x41, 0xff, 0xfe, 0x42]))).toMatchObject({ ok: false, reason: expect.stringContaining('not valid UTF-8') });
    expect(decodeArticle(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x41))).toMatchObject({ ok: false, reason: expect.stringContaining('5 MB') });
  });
});

describe('parseSources', () => {
  it('keeps good entries and names each bad field', () => {
    const { sources, warnings } = parseSources(
      {
        'a.txt': { published: '2024-05-14', outlet: 'Dawn' },
        'b.txt': { published: '2024-02-30', url: 'https://example.org' },
        'c.txt': 'not an object',
        'd.txt': { publishd: '2024-01-01' },
      },
      'sources.json',
    );
    expect(sources.get('a.txt')).toEqual({ published: '2024-05-14', outlet: 'Dawn' });
    expect(sources.get('b.txt')).toEqual({ url: 'https://example.org' });
    expect(warnings.map((w) => w.where)).toEqual(['b.txt.published', 'c.txt', 'd.txt.publishd']);
    expect(warnings[0]!.message).toContain('YYYY-MM-DD');
  });
  it('rejects a non-object file', () => {
    expect(parseSources([1, 2], 'sources.json').warnings[0]!.message).toContain('expected an object keyed by article file name');
  });
});

describe('readSeeds', () => {
  it('skips bad files with a warning each and reads the rest in name order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    writeFileSync(join(dir, 'b.txt'), 'KABUL: Officials met in Kabul on Monday.');
    writeFileSync(join(dir, 'a.txt'), '');
    writeFileSync(join(dir, 'c.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
    writeFileSync(join(dir, 'sources.json'), '{ "b.txt": { "published": "2024-01-01", }');
    const r = readSeeds(dir);
    expect(r.articles.map((a) => a.file)).toEqual(['b.txt']);
    expect(r.skipped.map((s) => s.file)).toEqual(['a.txt', 'c.txt']);
    const json = r.warnings.find((w) => w.file === 'sources.json');
    expect(json?.message).toContain('not valid JSON');
    expect(json?.where).toMatch(/^line 1, column \d+$/);
  });
});

describe('readSeeds with saved pages', () => {
  it('reads a .html file as its main text and metadata, sources.json winning field by field; skips a page that is no article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    copyFileSync(join(FIXTURES, 'both.html'), join(dir, 'talks.html'));
    copyFileSync(join(FIXTURES, 'paywall.html'), join(dir, 'stub.htm'));
    writeFileSync(join(dir, 'sources.json'), '{ "talks.html": { "outlet": "Fixture Times (print)", "retrieved": "2026-12-03T08:15:00Z" } }');
    const r = readSeeds(dir);
    expect(r.articles.map((a) => a.file)).toEqual(['talks.html']);
    expect(r.articles[0]!.text).toMatch(/^Uzbekistan, Pakistan hold security talks\n\nTASHKENT: Uzbekistan and Pakistan held talks/);
    expect(r.articles[0]!.text).not.toContain('<');
    expect(r.sources.get('talks.html')).toEqual({
      title: 'Uzbekistan, Pakistan hold security talks',
      outlet: 'Fixture Times (print)',
      published: '2025-03-04',
      url: 'https://fixture-times.example/world/uzbekistan-pakistan-talks',
      retrieved: '2026-12-03T08:15:00Z',
    });
    expect(r.skipped).toEqual([{ file: 'stub.htm', reason: expect.stringContaining('looks like a paywall stub') }]);
    expect(r.warnings).toEqual([{ file: 'stub.htm', message: expect.stringContaining('paywall') }]);
  });

  it('refuses a PDF saved as .html and a page over 5 MB', () => {
    expect(readPageFile(new TextEncoder().encode('%PDF-1.7 ...'))).toMatchObject({ ok: false, reason: expect.stringContaining('is a PDF') });
    expect(readPageFile(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61))).toMatchObject({ ok: false, reason: expect.stringContaining('5 MB') });
  });
});

describe('parseSources: url and retrieved', () => {
  it('keeps only http(s) URLs (shown as links) and ISO date-times', () => {
    const { sources, warnings } = parseSources(
      { 'a.txt': { url: 'javascript:alert(1)', retrieved: 'yesterday' }, 'b.txt': { url: 'https://dawn.example/1', retrieved: '2026-12-03T08:15:00Z' } },
      'sources.json',
    );
    expect(sources.get('a.txt')).toEqual({});
    expect(sources.get('b.txt')).toEqual({ url: 'https://dawn.example/1', retrieved: '2026-12-03T08:15:00Z' });
    expect(warnings.map((w) => `${w.where}: ${w.message}`)).toEqual([
      'a.txt.url: "javascript:alert(1)" is not valid; expected an absolute http(s) URL',
      'a.txt.retrieved: "yesterday" is not valid; expected an ISO date-time such as "2026-12-03T08:15:00Z"',
    ]);
  });
});

describe('jsonErrorWhere', () => {
  const where = (text: string) => {
    try {
      JSON.parse(text);
    } catch (e) {
      return jsonErrorWhere(text, e);
    }
    return 'parsed';
  };
  it('names the line and column of a stray token even when the engine gives no position', () => {
    // A trailing comma before "]" on line 3: the error is the "]" at column 3.
    expect(where('{\n  "entries": [1,\n  ]\n}')).toBe('line 3, column 3');
  });
  it('finds a bad literal', () => {
    expect(where('{\n  "a": 1,\n  "b": tru\n}')).toMatch(/^line 3, /);
  });
  it('says nothing for text that parses', () => {
    expect(jsonErrorWhere('{"a": 1}', new Error('x'))).toBeUndefined();
  });
});
