/**
 * The source credit every figure and embed carries: what the map is and where its
 * meetings come from, so a screenshot or PNG pasted into a report still cites its source.
 */
import type { Dataset, Meeting } from '../dataset/schema';
import { sourceLabel, sourcesOf } from './citation';

export const ATLAS_NAME = 'Security Meetings Atlas';

/** Articles a credit names one by one ("Arab News, 20 July 2025; Dawn, 16 January 2024"); beyond, only outlets. */
const CITED = 2;

/**
 * With `meetings` (a figure of the current view), the articles those meetings come from;
 * without, every article in the dataset.
 */
export function creditLine(dataset: Pick<Dataset, 'sources'>, meetings?: readonly Meeting[]): string {
  const sources = meetings ? sourcesOf(meetings, dataset.sources) : dataset.sources;
  const n = sources.length;
  const outlets = [...new Set(sources.map((s) => s.outlet).filter((o): o is string => Boolean(o)))].sort();
  const named =
    n > 0 && n <= CITED && sources.some((s) => s.outlet || s.published || s.title)
      ? ` (${sources.map(sourceLabel).join('; ')})`
      : outlets.length > 0 && outlets.length <= 3
        ? ` (${outlets.join(', ')})`
        : '';
  return `Source: ${ATLAS_NAME}, meetings extracted from ${n} news ${n === 1 ? 'article' : 'articles'}${named}. Basemap: Natural Earth.`;
}
