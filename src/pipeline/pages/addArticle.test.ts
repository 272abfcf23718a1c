import { describe, expect, it } from 'vitest';
import { type FoundArticle, type SeedsFolder, alreadyAdded, seedFileName, slug, textKey } from './addArticle';

const folder = (sources: SeedsFolder['sources'] = {}, files: string[] = [], texts: string[] = []): SeedsFolder => ({
  dir: '/nowhere',
  sources,
  files,
  texts: new Map(texts.map((t, i) => [textKey(t), `t${i}.txt`])),
});
const found = (source: FoundArticle['source'], extra: Partial<FoundArticle> = {}): FoundArticle => ({ input: 'x', text: 'Some text.', source, ...extra });

describe('slug', () => {
  it('makes a short ASCII file stem from a headline', () => {
    expect(slug('Pakistan, Afghanistan Pledge to Strengthen Anti-Terrorism Cooperation')).toBe('pakistan-afghanistan-pledge-to-strengthen-anti-terrorism');
    expect(slug('Türkiye’s envoy — Kabul')).toBe('turkiye-s-envoy-kabul');
    expect(slug('کابل')).toBe('');
  });
});

describe('seedFileName', () => {
  it('uses the title, else the URL’s last segment, else the input’s name, never a name already taken', () => {
    expect(seedFileName(found({ title: 'Talks in Kabul' }), folder({}, ['talks-in-kabul.html']))).toBe('talks-in-kabul-2.txt');
    expect(seedFileName(found({ url: 'https://x.example/news/2025/talks-in-doha.html' }), folder())).toBe('talks-in-doha.txt');
    expect(seedFileName(found({}, { input: '/home/me/Saved Page.HTML' }), folder())).toBe('saved-page.txt');
    expect(seedFileName(found({ title: 'کابل' }, { input: 'کابل.html' }), folder())).toBe('article.txt');
  });
});

describe('alreadyAdded', () => {
  it('knows a URL in another spelling, the URL asked for before a redirect, and the same text under another name', () => {
    const seeds = folder({ 'a.txt': { url: 'https://x.example/news/1' } }, ['a.txt'], ['Same   text.']);
    expect(alreadyAdded(found({ url: 'HTTPS://X.example/news/1/#top' }), seeds)).toBe('already added as a.txt (same URL https://x.example/news/1); nothing to do');
    expect(alreadyAdded(found({ url: 'https://x.example/amp/1' }, { requestedUrl: 'https://x.example/news/1' }), seeds)).toContain('already added as a.txt');
    expect(alreadyAdded(found({}, { text: 'Same text.' }), seeds)).toBe('already added as t0.txt (the same text); nothing to do');
    expect(alreadyAdded(found({ url: 'https://x.example/news/2' }), seeds)).toBeNull();
  });
});
