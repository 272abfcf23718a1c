/**
 * The embed's last line: a link to the same view in the full app (new tab) and the
 * source credit, so an embedded map always says where its meetings come from.
 */
import { creditLine } from '../../export/credit';
import { useAtlasStore } from '../state/store';
import { serializeView } from '../url/codec';
import './share.css';

export function EmbedFooter() {
  const dataset = useAtlasStore((s) => s.dataset);
  const view = useAtlasStore((s) => s.view);
  // The same view in the full app, built from the store so it follows every change.
  const query = serializeView({ ...view, embed: false, animate: true });
  const href = new URL(`${location.pathname}${query ? `?${query}` : ''}`, location.href).toString();
  return (
    <p className="embed-footer">
      <a href={href} target="_blank" rel="noopener">
        Open full view ↗
      </a>
      <span className="embed-credit-line">{dataset ? creditLine(dataset) : 'Security Meetings Atlas'}</span>
    </p>
  );
}
