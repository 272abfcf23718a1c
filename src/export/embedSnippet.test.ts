import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, hostScriptUrl } from './embedSnippet';

describe('embed snippet', () => {
  const viewUrl = 'https://example.org/atlas/?from=2024-01-01&to=2025-07-31&city=kabul#x';

  it('keeps the view state and switches on embed mode with animation off', () => {
    const url = new URL(embedUrl(viewUrl));
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2024-01-01', to: '2025-07-31', city: 'kabul', embed: '1', animate: '0' });
    expect(url.hash).toBe('');
    expect(embedUrl('https://h/?embed=0&animate=1')).toBe('https://h/?embed=1&animate=0');
  });

  it('points the host script beside index.html, on any subpath', () => {
    expect(hostScriptUrl(viewUrl)).toBe('https://example.org/atlas/embed.js');
    expect(hostScriptUrl('http://127.0.0.1:4173/index.html?city=kabul')).toBe('http://127.0.0.1:4173/embed.js');
  });

  it('writes a lazy iframe titled with the alt text, escaped, and the script tag', () => {
    const html = embedSnippet({ viewUrl, title: 'Map of 2 meetings in "Kabul" & <Islamabad>' });
    const [iframe, script] = html.split('\n');
    expect(iframe).toMatch(/^<iframe src="https:\/\/example\.org\/atlas\/\?from=2024-01-01&amp;to=2025-07-31&amp;city=kabul&amp;embed=1&amp;animate=0" /);
    expect(iframe).toContain('title="Map of 2 meetings in &quot;Kabul&quot; &amp; &lt;Islamabad&gt;"');
    expect(iframe).toContain('loading="lazy"');
    expect(iframe).toMatch(/<\/iframe>$/);
    expect(script).toBe('<script src="https://example.org/atlas/embed.js" async></script>');
  });
});
