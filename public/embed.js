/*
 * Security Meetings Atlas: host script for embedded views.
 *
 *   <iframe src="https://…/atlas/?city=kabul&embed=1&animate=0" title="…" loading="lazy"></iframe>
 *   <script src="https://…/atlas/embed.js" async></script>
 *
 * The atlas inside the iframe posts { type: 'sma:height', version: 1, height, width }
 * to this page on load and on every size change; this script sets the iframe's height
 * to match. It trusts a message only when it has that exact shape, comes from an
 * iframe on this page whose src lies under the directory this script was loaded from,
 * and was sent from that src's origin. It works across origins and needs no setup.
 * It also asks an atlas iframe for its height ({ type: 'sma:request-height', version: 1 })
 * once the atlas has loaded in it (at start when it already has, or on its load event), in
 * case its first report came before this script. It never posts to a frame that still
 * shows its initial blank document (a lazily loaded iframe before it loads): the browser
 * would log a target-origin mismatch in the host's console. It logs nothing itself.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL('.', script.src);
  window.__smaEmbedBases = window.__smaEmbedBases || {};
  var registry = window.__smaEmbedBases;
  if (registry[base.href]) return; // the snippet was pasted twice: one listener is enough
  registry[base.href] = true;

  var MAX_HEIGHT = 10000;

  function atlasUrl(iframe) {
    var src = iframe.getAttribute('src');
    if (!src) return null;
    try {
      var url = new URL(src, document.baseURI);
      return url.origin === base.origin && url.pathname.indexOf(base.pathname) === 0 ? url : null;
    } catch (_error) {
      return null;
    }
  }

  function atlasFrames() {
    return Array.prototype.filter.call(document.getElementsByTagName('iframe'), atlasUrl);
  }

  function isHeightMessage(data) {
    return (
      data !== null && typeof data === 'object' &&
      data.type === 'sma:height' && data.version === 1 &&
      typeof data.height === 'number' && Number.isFinite(data.height) && data.height >= 0 && data.height <= MAX_HEIGHT &&
      typeof data.width === 'number' && Number.isFinite(data.width) && data.width >= 0
    );
  }

  /**
   * True when the frame shows a document of the atlas's origin. The initial blank document
   * of an iframe that has not loaded yet is readable and has the host's origin (or
   * about:blank); a cross-origin document cannot be read at all, and the atlas is the only
   * cross-origin document an iframe with this src can have loaded.
   */
  function showsAtlas(iframe, url) {
    var win = iframe.contentWindow;
    if (!win) return false;
    try {
      var href = win.location.href;
      return href !== 'about:blank' && new URL(href).origin === url.origin && win.document.readyState !== 'loading';
    } catch (_error) {
      return url.origin !== location.origin;
    }
  }

  function requestHeight(iframe) {
    var url = atlasUrl(iframe);
    if (url && showsAtlas(iframe, url)) iframe.contentWindow.postMessage({ type: 'sma:request-height', version: 1 }, url.origin);
  }

  window.addEventListener('message', function (event) {
    if (!isHeightMessage(event.data)) return;
    var frames = atlasFrames();
    for (var i = 0; i < frames.length; i++) {
      var iframe = frames[i];
      if (iframe.contentWindow !== event.source) continue;
      if (atlasUrl(iframe).origin !== event.origin) return;
      iframe.style.height = Math.ceil(event.data.height) + 'px';
      iframe.setAttribute('data-atlas-height', String(Math.ceil(event.data.height)));
      return;
    }
  });

  function start() {
    atlasFrames().forEach(function (iframe) {
      requestHeight(iframe);
      iframe.addEventListener('load', function () { requestHeight(iframe); });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
