/**
 * One article as people cite it ("Arab News, 20 July 2025"), a link to the page when its URL
 * is known (a new tab, no opener, no referrer); its title and file name on hover, so a quote
 * can still be traced to the seed file it came from.
 */
import type { Source } from '../../dataset/schema';
import { sourceHref, sourceLabel } from '../../export/citation';

export function SourceCitation({ file, source }: { file: string; source: Source | undefined }) {
  const cited = source ?? { file };
  const label = sourceLabel(cited);
  const href = sourceHref(source);
  const hover = [source?.title && !label.includes(source.title) ? `“${source.title}”` : '', file].filter(Boolean).join(' · ');
  return href ? (
    <a className="source-link" href={href} target="_blank" rel="noopener noreferrer" title={hover} data-file={file}>
      {label}
    </a>
  ) : (
    <span className="source-name" title={hover} data-file={file}>
      {label}
    </span>
  );
}
