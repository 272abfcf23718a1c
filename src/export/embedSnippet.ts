/**
 * The HTML a report author pastes to embed the current view: an <iframe> of the view in
 * embed mode plus the host script (public/embed.js) that sizes it to its content.
 */

export interface EmbedSnippetInput {
  /** The full URL of the view being shared (the app's current location). */
  viewUrl: string;
  /** Plain-language description of the view (./altText.ts); becomes the iframe title. */
  title: string;
  /** Height used until the host script has measured the content. */
  initialHeight?: number;
}

const escapeAttribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The view URL in embed mode with animation off: a report should not move on its own
 * (and a still start keeps lazy iframes cheap). The hash is dropped; the rest of the
 * query (window, city, filters, camera) is kept as the app wrote it.
 */
export function embedUrl(viewUrl: string): string {
  const url = new URL(viewUrl);
  url.searchParams.set('embed', '1');
  url.searchParams.set('animate', '0');
  url.hash = '';
  return url.toString();
}

/** embed.js sits beside index.html in the build (public/), whatever subpath serves the app. */
export function hostScriptUrl(viewUrl: string): string {
  return new URL('embed.js', new URL(viewUrl)).toString();
}

export function embedSnippet({ viewUrl, title, initialHeight = 560 }: EmbedSnippetInput): string {
  const src = escapeAttribute(embedUrl(viewUrl));
  return [
    `<iframe src="${src}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(initialHeight)}" ` +
      `style="border:0;width:100%;min-width:300px" loading="lazy" data-atlas-embed></iframe>`,
    `<script src="${escapeAttribute(hostScriptUrl(viewUrl))}" async></script>`,
  ].join('\n');
}
