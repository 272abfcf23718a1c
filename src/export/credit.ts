/**
 * The source credit every figure and embed carries: what the map is and where its
 * meetings come from, so a screenshot or PNG pasted into a report still cites its source.
 */
import type { Dataset } from '../dataset/schema';

export const ATLAS_NAME = 'Security Meetings Atlas';

export function creditLine(dataset: Pick<Dataset, 'sources'>): string {
  const n = dataset.sources.length;
  const outlets = [...new Set(dataset.sources.map((s) => s.outlet).filter((o): o is string => Boolean(o)))].sort();
  const named = outlets.length > 0 && outlets.length <= 3 ? ` (${outlets.join(', ')})` : '';
  return `Source: ${ATLAS_NAME}, meetings extracted from ${n} news ${n === 1 ? 'article' : 'articles'}${named}. Basemap: Natural Earth.`;
}
