/**
 * A view checked against the dataset: the parameters that name things (city, meeting,
 * state, topic, person) can only be judged once the dataset is loaded. The store runs this when a
 * dataset or a URL arrives; the URL codec (../url/codec.ts) parses the rest without it.
 */
import type { Dataset } from '../../dataset/schema';
import { selectLookup, selectPerson, selectTopics } from './selectors';
import type { ViewState } from './viewState';

export interface ParsedView {
  view: ViewState;
  notices: string[];
}

/** Long values are cut in notices so a hostile URL cannot flood the page. */
export const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/**
 * Checks the parameters that name things in the dataset (city, meeting, state, topic);
 * an unknown name falls back to none, with a notice.
 */
export function checkViewAgainstDataset(view: ViewState, dataset: Dataset): ParsedView {
  const notices: string[] = [];
  const lookup = selectLookup(dataset);
  const next = { ...view };
  if (next.city !== null && !lookup.byVenue.has(next.city)) {
    notices.push(`Ignored city=${shown(next.city)}: no meetings take place at a venue with that id.`);
    next.city = null;
  }
  if (next.meeting !== null && !lookup.meetings.has(next.meeting)) {
    notices.push(`Ignored meeting=${shown(next.meeting)}: the dataset has no meeting with that id.`);
    next.meeting = null;
  }
  if (next.state !== null && !lookup.states.has(next.state)) {
    notices.push(`Ignored state=${shown(next.state)}: no state with that code takes part in any meeting.`);
    next.state = null;
  }
  if (next.topic !== null && !selectTopics(dataset).some((t) => t.slug === next.topic)) {
    notices.push(`Ignored topic=${shown(next.topic)}: the dataset has no such topic.`);
    next.topic = null;
  }
  if (next.person !== null && !selectPerson(dataset, next.person)) {
    notices.push(`Ignored person=${shown(next.person)}: no one by that name is listed at any meeting.`);
    next.person = null;
  }
  return notices.length ? { view: next, notices } : { view, notices };
}
