import { describe, expect, it } from 'vitest';
import { basemapUrls, rgbUnit } from './style';

describe('basemapUrls', () => {
  it('resolves the build paths against the page, so the atlas works from a subpath', () => {
    const urls = basemapUrls({ countries: 'basemap/countries.json', borders: 'basemap/borders.json', coasts: 'basemap/coasts.json', labels: 'basemap/labels.json' }, 'https://example.org/reports/atlas/index.html?city=kabul');
    expect(urls.countries).toBe('https://example.org/reports/atlas/basemap/countries.json');
    expect(urls.labels).toBe('https://example.org/reports/atlas/basemap/labels.json');
  });
});

describe('rgbUnit', () => {
  it('reads #rrggbb as 0..1 channels', () => {
    expect(rgbUnit('#ff8000')).toEqual([1, 128 / 255, 0]);
  });
});
