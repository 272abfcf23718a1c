/**
 * Which links the map shows, as MapLibre filter and paint expressions over the properties
 * that links.ts precomputed (day numbers, status, absent flag). A change of the time window
 * or of a filter is a new expression, never new geometry (issue 6).
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { DayRange } from '../state/selectors';

/** The three ways a link is drawn: held meetings, planned or cancelled ones, and absent states. */
export type LinkClass = 'held' | 'unheld' | 'absent';

export interface LinkFilterInput {
  /** Resolved time window in day numbers; null when the dataset has no dated meeting. */
  window: DayRange | null;
  showUndated: boolean;
  showAbsent: boolean;
  /** Meetings the state/topic filters allow (ignoring time); null when no such filter is set. */
  meetingIds: readonly string[] | null;
}

/** The time part: a dated link overlaps the window; an undated one shows only on request. */
export function timeFilter(window: DayRange | null, showUndated: boolean): ExpressionSpecification {
  const dated: ExpressionSpecification = window
    ? ['all', ['!', ['get', 'undated']], ['<=', ['get', 'start'], window.to], ['>=', ['get', 'end'], window.from]]
    : ['boolean', false];
  return showUndated ? ['any', ['get', 'undated'], dated] : dated;
}

/** Full filter of one link class; rings (host states) use the 'held'/'unheld' classes too. */
export function linkFilter(linkClass: LinkClass, input: LinkFilterInput): FilterSpecification {
  const parts: ExpressionSpecification[] = [];
  if (linkClass === 'absent') {
    if (!input.showAbsent) return ['boolean', false];
    parts.push(['==', ['get', 'absent'], true]);
  } else {
    parts.push(['==', ['get', 'absent'], false]);
    parts.push(linkClass === 'held' ? ['==', ['get', 'status'], 'held'] : ['!=', ['get', 'status'], 'held']);
  }
  parts.push(timeFilter(input.window, input.showUndated));
  if (input.meetingIds !== null) {
    if (input.meetingIds.length === 0) return ['boolean', false];
    // `match` looks labels up in a table: cheap even with thousands of meeting ids.
    parts.push(['match', ['get', 'meetingId'], [...input.meetingIds], true, false]);
  }
  return ['all', ...parts];
}

/** What is in focus: a hovered or selected meeting, else the selected venue's links; null for nothing. */
export type LinkFocus = { meetingId: string } | { venue: string } | null;

/** Opacity that keeps the focused links at full strength and dims the rest. */
export function focusOpacity(focus: LinkFocus, normal: number, dimmed: number, focused = 1): DataDrivenPropertyValueSpecification<number> {
  if (focus === null) return normal;
  const test: ExpressionSpecification = 'meetingId' in focus ? ['==', ['get', 'meetingId'], focus.meetingId] : ['==', ['get', 'venue'], focus.venue];
  return ['case', test, focused, dimmed];
}
